package cz.spojka.mapping;

import com.apicatalog.jsonld.JsonLdOptions;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;

/**
 * Executes one connector's mapping: body → records → JSON-LD → RDF (Jena, contexts resolved offline) → SPARQL
 * CONSTRUCT → entities. Thread-safe; one instance per connector. A record that cannot be mapped is returned as
 * rejected with the reason; the other records still map.
 */
public final class RecordMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Records are mapped in parallel on all cores but one: the materializer, which writes the store on one thread,
     * is the slowest stage of a large ingest and must not wait for a core while the next chunk is mapped.
     */
    private static final ForkJoinPool MAPPING_POOL = new ForkJoinPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
            pool -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("spojka-mapping-" + thread.getPoolIndex());
                thread.setDaemon(true);
                return thread;
            },
            null,
            false);

    private final MappingSpec spec;
    private final CompiledConstruct construct;
    private final JsonNode context;
    private final EntityExtractor extractor;
    private final FlatJsonLd fastReader;
    private final Context parserContext;

    public RecordMapper(MappingSpec spec, OfflineContextLoader contexts) {
        this.spec = spec;
        this.construct = new CompiledConstruct(parseConstruct(spec.construct()));
        this.context = spec.context() == null ? null : parseContext(spec.context());
        this.extractor = new EntityExtractor(spec.entities());
        this.fastReader = context == null ? null : FlatJsonLd.compile(context);
        JsonLdOptions options = new JsonLdOptions(contexts);
        this.parserContext = Context.create().set(LangJSONLD11.JSONLD_OPTIONS, options);
    }

    /** Checks a CONSTRUCT query; the message is the parser's, with line and column. */
    public static Query parseConstruct(String sparql) {
        Query query = QueryFactory.create(sparql);
        if (!query.isConstructType()) {
            throw new QueryParseException("the mapping query must be a CONSTRUCT query", -1, -1);
        }
        return query;
    }

    public String version() {
        return spec.version();
    }

    /**
     * Maps a whole fetched body, records in parallel, results in source order. Throws {@link MappingException} when
     * the body itself cannot be parsed.
     */
    public List<MappedRecord> map(byte[] body, MappingBindings bindings) {
        List<MappedRecord> records = new ArrayList<>();
        map(body, bindings, Integer.MAX_VALUE, records::addAll);
        return records;
    }

    /**
     * Maps a whole fetched body in chunks of records, each chunk's records in parallel, and hands every chunk over in
     * source order as soon as it is mapped, so that a large body flows on while the rest is still being mapped. Throws
     * {@link MappingException}, before any chunk is handed over, when the body itself cannot be parsed.
     */
    public void map(byte[] body, MappingBindings bindings, int chunkRecords, Consumer<List<MappedRecord>> chunks) {
        map(List.of(body), bindings, chunkRecords, chunks);
    }

    /**
     * Maps several bodies fetched together (the pages of one poll) as one sequence of records; a record's position
     * names its page ({@code #5 of page 2}). Every body is parsed before the first chunk is handed over, so a body that
     * cannot be parsed throws {@link UnreadableBodyException} naming it while nothing has been mapped yet.
     */
    public void map(
            List<byte[]> bodies, MappingBindings bindings, int chunkRecords, Consumer<List<MappedRecord>> chunks) {
        List<SourceRecords.SourceRecordNode> nodes = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            List<SourceRecords.SourceRecordNode> records;
            try {
                records = SourceRecords.split(bodies.get(i), spec);
            } catch (MappingException e) {
                throw new UnreadableBodyException(i, bodies.size(), e);
            }
            if (bodies.size() == 1) {
                nodes.addAll(records);
            } else {
                String page = " of page " + (i + 1);
                records.forEach(n -> nodes.add(
                        new SourceRecords.SourceRecordNode(n.id(), n.position() + page, n.node(), n.error())));
            }
        }
        for (int from = 0; from < nodes.size(); from += Math.min(chunkRecords, nodes.size() - from)) {
            List<SourceRecords.SourceRecordNode> chunk =
                    nodes.subList(from, from + Math.min(chunkRecords, nodes.size() - from));
            chunks.accept(
                    chunk.size() == 1
                            // One record (a webhook push, a message): the hand-over to the pool and back would cost
                            // two thread wake-ups, more than mapping it (BENCHMARKS.md, events).
                            ? List.of(mapRecord(chunk.get(0), bindings))
                            : MAPPING_POOL
                                    .submit(() -> chunk.parallelStream()
                                            .map(node -> mapRecord(node, bindings))
                                            .toList())
                                    .join());
        }
    }

    /**
     * Maps records kept apart from their bodies (dead letters: each the record's tree as it was split from its body,
     * whatever the body's format) like the records of one body, in one chunk handed over to {@code chunks}.
     */
    public void mapKept(List<JsonNode> records, MappingBindings bindings, Consumer<List<MappedRecord>> chunks) {
        List<SourceRecords.SourceRecordNode> nodes = new ArrayList<>();
        records.forEach(record -> nodes.addAll(SourceRecords.kept(record, spec)));
        chunks.accept(nodes.stream().map(node -> mapRecord(node, bindings)).toList());
    }

    private MappedRecord mapRecord(SourceRecords.SourceRecordNode node, MappingBindings bindings) {
        SourceRecord record = new SourceRecord(node.label(), node.id() != null, node.node());
        if (node.error() != null) {
            return MappedRecord.rejected(record, node.error());
        }
        if (node.id() == null) {
            return MappedRecord.rejected(record, "the record has no id at '" + spec.recordIdPointer() + "'");
        }
        try {
            Graph rdf = toRdf(node.node());
            Graph mapped = construct.apply(rdf, binding(bindings, node.id()));
            List<Entity> entities = extractor.extract(mapped, node.id());
            if (entities.isEmpty()) {
                return MappedRecord.rejected(
                        record,
                        "the mapping produced no entity of the classes "
                                + spec.entities().stream()
                                        .map(MappingSpec.EntityClass::classIri)
                                        .toList());
            }
            return MappedRecord.mapped(record, entities);
        } catch (RiotException | MappingException e) {
            return MappedRecord.rejected(record, "not valid JSON-LD: " + e.getMessage());
        }
    }

    /** How many records the body holds, split as {@link #map} splits it; throws {@link MappingException} likewise. */
    public int countRecords(byte[] body) {
        return SourceRecords.split(body, spec).size();
    }

    /**
     * The text at a JSON Pointer of the body, parsed by the mapping's format (an XML body as described for its
     * records), or {@code null} when there is no text there: nothing, {@code null}, an object, an array or a blank
     * string. Throws {@link MappingException} when the body cannot be parsed, or is CSV or KXX, which have no tree.
     */
    public String textAt(byte[] body, String pointer) {
        if (spec.format().lineBased()) {
            throw new MappingException("A " + spec.format() + " body has no tree to find '" + pointer + "' in");
        }
        JsonNode node = SourceRecords.parse(body, spec.format(), spec.source().charset())
                .at(JsonPointer.compile(pointer));
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** Whether records are read by the fast reader for flat contexts rather than the general processor. */
    public boolean readsWithFlatContext() {
        return fastReader != null;
    }

    private Graph toRdf(JsonNode record) {
        if (fastReader != null && record.isObject()) {
            try {
                return fastReader.toRdf(record);
            } catch (MappingException e) {
                // A record the fast reader does not cover is read by the general processor, the reference.
            }
        }
        JsonNode document = record;
        if (context != null && record.isObject()) {
            ObjectNode withContext = JSON.createObjectNode();
            withContext.setAll((ObjectNode) record);
            withContext.set("@context", context);
            document = withContext;
        }
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(document.toString(), Lang.JSONLD)
                .context(parserContext)
                .parse(graph);
        return graph;
    }

    private static Binding binding(MappingBindings bindings, String recordId) {
        BindingBuilder builder = Binding.builder();
        bindings.forRecord(recordId)
                .forEach((name, value) -> builder.add(Var.alloc(name), NodeFactory.createLiteralString(value)));
        return builder.build();
    }

    private static JsonNode parseContext(String json) {
        try {
            JsonNode context = JSON.readTree(json);
            // A context document ({"@context": {...}}) or the context itself.
            return context.has("@context") ? context.get("@context") : context;
        } catch (IOException e) {
            throw new MappingException("The mapping's JSON-LD context is not valid JSON: " + e.getMessage(), e);
        }
    }
}
