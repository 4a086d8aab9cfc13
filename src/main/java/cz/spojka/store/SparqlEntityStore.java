package cz.spojka.store;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.kafka.common.TopicPartition;

/**
 * An external SPARQL 1.1 store (Fuseki, Virtuoso, GraphDB) as the materializer's target. Each batch of changes and
 * the offsets after it are sent as one SPARQL Update request, which these stores execute as one transaction, so the
 * store and its offsets stay consistent. The offsets live in their own named graph.
 */
public final class SparqlEntityStore implements EntityStore {

    private static final String NEXT_OFFSET = "<urn:x-spojka:next-offset>";

    private final String queryEndpoint;
    private final String updateEndpoint;
    private final String graphPrefix;
    private final String offsetsGraph;
    private final ProvenanceTriples provenance;

    /**
     * @param graphPrefix the hub's graphs start with it ({@code <base>graph/}); only those are ever cleared
     */
    public SparqlEntityStore(
            String queryEndpoint, String updateEndpoint, String graphPrefix, ProvenanceTriples provenance) {
        this.queryEndpoint = queryEndpoint;
        this.updateEndpoint = updateEndpoint;
        this.graphPrefix = graphPrefix;
        this.offsetsGraph = "<" + offsetsGraph(graphPrefix) + ">";
        this.provenance = provenance;
    }

    /** The graph of the materializer's offsets in an external store: bookkeeping, never published. */
    static String offsetsGraph(String graphPrefix) {
        return graphPrefix + "spojka-changelog-offsets";
    }

    @Override
    public Map<TopicPartition, Long> offsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        String query = "SELECT ?p ?o WHERE { GRAPH " + offsetsGraph + " { ?p " + NEXT_OFFSET + " ?o } }";
        try (QueryExecHTTP exec =
                QueryExecHTTP.service(queryEndpoint).query(query).build()) {
            RowSet rows = exec.select();
            while (rows.hasNext()) {
                Binding row = rows.next();
                String key = row.get("p").getURI().substring("urn:x-spojka:changelog-offset:".length());
                int colon = key.lastIndexOf(':');
                offsets.put(
                        new TopicPartition(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1))),
                        Long.parseLong(row.get("o").getLiteralLexicalForm()));
            }
        }
        return offsets;
    }

    @Override
    public void apply(List<Change> changes, Map<TopicPartition, Long> nextOffsets) {
        StringBuilder update = new StringBuilder();
        for (Change change : changes) {
            update.append(EntityDeletion.of(change.entityIri())).append(" ;\n");
            if (change.type() != ChangeType.DELETED) {
                update.append("INSERT DATA { GRAPH <").append(change.graphIri()).append("> {\n");
                change.entity().find().forEachRemaining(t -> append(update, t));
                provenance.of(change).forEach(t -> append(update, t));
                update.append("} } ;\n");
            }
        }
        nextOffsets.forEach((partition, next) -> {
            String subject = "<urn:x-spojka:changelog-offset:" + partition.topic() + ":" + partition.partition() + ">";
            update.append("DELETE WHERE { GRAPH ")
                    .append(offsetsGraph)
                    .append(" { ")
                    .append(subject)
                    .append(' ')
                    .append(NEXT_OFFSET)
                    .append(" ?o } } ;\n")
                    .append("INSERT DATA { GRAPH ")
                    .append(offsetsGraph)
                    .append(" { ")
                    .append(subject)
                    .append(' ')
                    .append(NEXT_OFFSET)
                    .append(' ')
                    .append(next)
                    .append(" } } ;\n");
        });
        UpdateExecHTTP.service(updateEndpoint).update(update.toString()).execute();
    }

    private static void append(StringBuilder update, Triple t) {
        update.append(term(t.getSubject()))
                .append(' ')
                .append(term(t.getPredicate()))
                .append(' ')
                .append(term(t.getObject()))
                .append(" .\n");
    }

    private static String term(Node node) {
        return node.isBlank()
                ? "_:b" + node.getBlankNodeLabel().replaceAll("[^A-Za-z0-9]", "")
                : NodeFmtLib.strNT(node);
    }

    @Override
    public void clear() {
        StringBuilder update = dropGraphsStartingWith(graphPrefix);
        if (!update.isEmpty()) {
            UpdateExecHTTP.service(updateEndpoint).update(update.toString()).execute();
        }
    }

    private StringBuilder dropGraphsStartingWith(String prefix) {
        StringBuilder update = new StringBuilder();
        String query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } FILTER(STRSTARTS(STR(?g), \"" + prefix + "\")) }";
        try (QueryExecHTTP exec =
                QueryExecHTTP.service(queryEndpoint).query(query).build()) {
            exec.select()
                    .forEachRemaining(row -> update.append("DROP SILENT GRAPH <")
                            .append(row.get("g").getURI())
                            .append("> ;\n"));
        }
        return update;
    }

    @Override
    public void replaceGraphs(String prefix, Map<String, Graph> graphs) {
        StringBuilder update = dropGraphsStartingWith(prefix);
        graphs.forEach((iri, content) -> {
            update.append("INSERT DATA { GRAPH <").append(iri).append("> {\n");
            content.find().forEachRemaining(t -> append(update, t));
            update.append("} } ;\n");
        });
        if (!update.isEmpty()) {
            UpdateExecHTTP.service(updateEndpoint).update(update.toString()).execute();
        }
    }

    @Override
    public long size() {
        String query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \""
                + graphPrefix + "\") && ?g != " + offsetsGraph + ") }";
        try (QueryExecHTTP exec =
                QueryExecHTTP.service(queryEndpoint).query(query).build()) {
            return Long.parseLong(exec.select().next().get("n").getLiteralLexicalForm());
        }
    }

    @Override
    public String describe() {
        return "external SPARQL store, query " + queryEndpoint + ", update " + updateEndpoint;
    }

    @Override
    public void close() {
        // HTTP only: nothing to release.
    }
}
