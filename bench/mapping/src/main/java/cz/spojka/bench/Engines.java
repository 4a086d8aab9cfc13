package cz.spojka.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import cz.spojka.mapping.Entity;
import cz.spojka.mapping.MappedRecord;
import cz.spojka.mapping.MappingBindings;
import cz.spojka.mapping.MappingSpec;
import cz.spojka.mapping.OfflineContextLoader;
import cz.spojka.mapping.RecordMapper;
import com.apicatalog.jsonld.JsonLdOptions;
import io.carml.engine.rdf.RdfRmlMapper;
import io.carml.logicalsourceresolver.JsonPathResolver;
import io.carml.model.TriplesMap;
import io.carml.util.RmlMappingLoader;
import io.carml.vocab.Rdf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import java.util.Iterator;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.modify.TemplateLib;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.rio.RDFFormat;

/** The engines under test. Each maps one whole fetched body, as the hub does on every poll. */
final class Engines {

    /** The hub's bindings for the OFN connector (connector.yaml dataset + SpojkaProperties' default base IRI). */
    static final MappingBindings BINDINGS = new MappingBindings("http://localhost:8080/", "uredni-deska", "00007064",
            "554782");

    private Engines() {}

    interface Engine {
        String name();

        /** Maps the body; returns the number of triples produced (counted without deduplication across records). */
        long map(byte[] body);

        /** Maps the body into one graph, for comparing outputs. */
        Graph graph(byte[] body);
    }

    /** connectors/uredni-deska-ofn/mapping.yaml read into the hub's MappingSpec; {@code context} optionally dropped. */
    static MappingSpec readSpec(Path connectorDir, boolean useFlatContext) {
        try {
            JsonNode yaml = new YAMLMapper().readTree(connectorDir.resolve("mapping.yaml").toFile());
            String context = null;
            if (useFlatContext && yaml.hasNonNull("context")) {
                JsonNode c = yaml.get("context");
                context = c.isTextual() ? Files.readString(connectorDir.resolve(c.asText())) : c.toString();
            }
            List<MappingSpec.EntityClass> entities = new ArrayList<>();
            yaml.get("entities").forEach(e -> entities.add(
                    new MappingSpec.EntityClass(e.get("class").asText(), e.get("kind").asText())));
            return new MappingSpec(yaml.get("version").asText(), MappingSpec.SourceFormat.valueOf(
                    yaml.get("format").asText()), yaml.get("records").asText(), yaml.get("recordId").asText(),
                    context, entities, yaml.get("construct").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hub's real mapper: split → JSON-LD (titanium) → CONSTRUCT → entities with canonical hashes. */
    static final class HubRecordMapper implements Engine {
        private final String name;
        private final RecordMapper mapper;

        HubRecordMapper(String name, MappingSpec spec, Path contextsDir) {
            this.name = name;
            this.mapper = new RecordMapper(spec, new OfflineContextLoader(contextsDir));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long map(byte[] body) {
            long triples = 0;
            for (MappedRecord record : mapper.map(body, BINDINGS)) {
                if (record.rejected()) {
                    throw new IllegalStateException("rejected " + record.record().id() + ": " + record.error());
                }
                for (Entity entity : record.entities()) {
                    triples += entity.graph().size();
                }
            }
            return triples;
        }

        @Override
        public Graph graph(byte[] body) {
            Graph union = GraphFactory.createDefaultGraph();
            for (MappedRecord record : mapper.map(body, BINDINGS)) {
                if (record.rejected()) {
                    throw new IllegalStateException("rejected " + record.record().id() + ": " + record.error());
                }
                record.entities().forEach(e -> e.graph().find().forEachRemaining(union::add));
            }
            return union;
        }

        List<MappedRecord> records(byte[] body) {
            return mapper.map(body, BINDINGS);
        }
    }

    /**
     * The same JSON-LD parse + CONSTRUCT as RecordMapper, one record after the other, without its entity extraction and
     * hashing: the part of the hub's pipeline that does what an RML engine does, so the two compare like for like. The
     * CONSTRUCT runs as the hub's (package-private) CompiledConstruct runs it since commit 1cb6e7b: the query compiled
     * and optimised once, the pre-bound values substituted into the algebra per record, the template instantiated.
     */
    static final class JenaParseConstruct implements Engine {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final Op pattern;
        private final List<Triple> template;
        private final JsonNode context;
        private final Context parserContext;
        private final boolean runConstruct;

        JenaParseConstruct(MappingSpec spec, Path contextsDir) {
            this(spec, contextsDir, true);
        }

        /** With {@code runConstruct} false, only the JSON-LD → RDF step (its triples are the source's, not mapped). */
        JenaParseConstruct(MappingSpec spec, Path contextsDir, boolean runConstruct) {
            this.runConstruct = runConstruct;
            Query construct = RecordMapper.parseConstruct(spec.construct());
            this.pattern = Algebra.optimize(Algebra.compile(construct));
            this.template = construct.getConstructTemplate().getTriples();
            try {
                JsonNode c = spec.context() == null ? null : JSON.readTree(spec.context());
                this.context = c == null ? null : c.has("@context") ? c.get("@context") : c;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.parserContext = Context.create().set(LangJSONLD11.JSONLD_OPTIONS,
                    new JsonLdOptions(new OfflineContextLoader(contextsDir)));
        }

        @Override
        public String name() {
            return runConstruct ? "jena-parse+construct" : "jena-parse-only";
        }

        @Override
        public long map(byte[] body) {
            long triples = 0;
            for (Graph g : graphs(body)) {
                triples += g.size();
            }
            return triples;
        }

        @Override
        public Graph graph(byte[] body) {
            Graph union = GraphFactory.createDefaultGraph();
            graphs(body).forEach(g -> g.find().forEachRemaining(union::add));
            return union;
        }

        private List<Graph> graphs(byte[] body) {
            try {
                List<Graph> result = new ArrayList<>();
                for (JsonNode record : JSON.readTree(body)) {
                    JsonNode document = record;
                    if (context != null) {
                        ObjectNode withContext = JSON.createObjectNode();
                        withContext.setAll((ObjectNode) record);
                        withContext.set("@context", context);
                        document = withContext;
                    }
                    Graph rdf = GraphFactory.createDefaultGraph();
                    RDFParser.fromString(document.toString(), Lang.JSONLD).context(parserContext).parse(rdf);
                    if (!runConstruct) {
                        result.add(rdf);
                        continue;
                    }
                    BindingBuilder b = Binding.builder();
                    b.add(Var.alloc("base"), NodeFactory.createLiteralString(BINDINGS.base()));
                    b.add(Var.alloc("dataset"), NodeFactory.createLiteralString(BINDINGS.dataset()));
                    b.add(Var.alloc("ico"), NodeFactory.createLiteralString(BINDINGS.ico()));
                    b.add(Var.alloc("ruian"), NodeFactory.createLiteralString(BINDINGS.ruian()));
                    b.add(Var.alloc("recordId"), NodeFactory.createLiteralString(record.path("iri").asText()));
                    result.add(construct(rdf, b.build()));
                }
                return result;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Graph construct(Graph source, Binding preBound) {
            Graph result = GraphFactory.createDefaultGraph();
            QueryIterator solutions = Algebra.exec(Substitute.substitute(pattern, preBound), source);
            try {
                Iterator<Binding> withPreBound = Iter.map(solutions, s -> Binding.builder(preBound).addAll(s).build());
                TemplateLib.calcTriples(template, withPreBound).forEachRemaining(result::add);
            } finally {
                solutions.close();
            }
            return result;
        }
    }

    /** CARML 0.4.11 running uredni-deska-ofn.rml.ttl over the whole body (one streaming JSON parse). */
    static final class Carml implements Engine {
        private final RdfRmlMapper mapper;
        private final boolean toJena;

        Carml(Path rmlFile, boolean toJena) {
            this.toJena = toJena;
            Set<TriplesMap> mapping;
            try (InputStream in = Files.newInputStream(rmlFile)) {
                mapping = RmlMappingLoader.build().load(RDFFormat.TURTLE, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.mapper = RdfRmlMapper.builder()
                    .triplesMaps(mapping)
                    .setLogicalSourceResolver(Rdf.Ql.JsonPath, JsonPathResolver::getInstance)
                    .addFunctions(new SpojkaFunctions())
                    .build();
        }

        @Override
        public String name() {
            return toJena ? "carml-rml→jena-graph" : "carml-rml→rdf4j-model";
        }

        @Override
        public long map(byte[] body) {
            if (toJena) {
                return graph(body).size();
            }
            return model(body).size();
        }

        Model model(byte[] body) {
            Model model = new LinkedHashModel();
            // mapToModel() would give up after 30 s; collect without a timeout.
            mapper.map(new ByteArrayInputStream(body)).doOnNext(model::add).blockLast();
            return model;
        }

        @Override
        public Graph graph(byte[] body) {
            Graph graph = GraphFactory.createDefaultGraph();
            GraphCompare.Rdf4jToJena convert = new GraphCompare.Rdf4jToJena();
            mapper.map(new ByteArrayInputStream(body))
                    .doOnNext((Statement st) -> graph.add(convert.triple(st)))
                    .blockLast();
            return graph;
        }
    }
}
