package cz.spojka.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/** Operations on the entities of a whole fetched body. */
public final class Entities {

    private Entities() {}

    /**
     * The entities of all mapped records, one per IRI: several records may describe the same entity (every eDesky
     * document names its board), and their descriptions are merged. The merged entity keeps the first record's id.
     */
    public static List<Entity> merge(List<MappedRecord> records) {
        Map<String, List<Entity>> byIri = new LinkedHashMap<>();
        for (MappedRecord record : records) {
            for (Entity entity : record.entities()) {
                byIri.computeIfAbsent(entity.iri(), iri -> new ArrayList<>()).add(entity);
            }
        }
        List<Entity> merged = new ArrayList<>(byIri.size());
        for (List<Entity> versions : byIri.values()) {
            merged.add(combine(versions));
        }
        return merged;
    }

    /** One entity from several descriptions of the same IRI: their union, keeping the first one's record id. */
    public static Entity combine(List<Entity> versions) {
        return versions.size() == 1 || allSame(versions) ? versions.get(0) : union(versions);
    }

    /** The same entity with another description (with personal data redacted, say), hashed anew. */
    public static Entity withGraph(Entity entity, Graph graph) {
        return of(entity.iri(), entity.kind(), entity.recordId(), graph);
    }

    /** The entity {@code iri} as {@code graph} describes it (its triples and their blank nodes), hashed. */
    public static Entity of(String iri, String kind, String recordId, Graph graph) {
        return EntityExtractor.entity(graph, NodeFactory.createURI(iri), kind, recordId);
    }

    private static boolean allSame(List<Entity> versions) {
        return versions.stream().allMatch(e -> e.hash().equals(versions.get(0).hash()));
    }

    private static Entity union(List<Entity> versions) {
        Entity first = versions.get(0);
        Graph graph = GraphFactory.createDefaultGraph();
        versions.forEach(v -> v.graph().find().forEachRemaining(graph::add));
        return withGraph(first, graph);
    }
}
