package cz.spojka.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Cuts a record's mapped graph into entities: every IRI typed with one of the mapping's entity classes, with the
 * triples about it and, recursively, about the blank nodes it points to. Links to other entities stay links.
 */
final class EntityExtractor {

    private final Map<Node, MappingSpec.EntityClass> classes;

    EntityExtractor(List<MappingSpec.EntityClass> entityClasses) {
        this.classes = entityClasses.stream()
                .collect(Collectors.toMap(
                        c -> NodeFactory.createURI(c.classIri()),
                        Function.identity(),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    List<Entity> extract(Graph mapped, String recordId) {
        List<Entity> entities = new ArrayList<>();
        for (Map.Entry<Node, MappingSpec.EntityClass> entry : classes.entrySet()) {
            mapped.find(Node.ANY, RDF.type.asNode(), entry.getKey()).forEachRemaining(t -> {
                Node subject = t.getSubject();
                if (subject.isURI() && entities.stream().noneMatch(e -> e.iri().equals(subject.getURI()))) {
                    entities.add(entity(mapped, subject, entry.getValue().kind(), recordId));
                }
            });
        }
        return entities;
    }

    static Entity entity(Graph source, Node subject, String kind, String recordId) {
        Graph graph = GraphFactory.createDefaultGraph();
        copyClosure(source, subject, graph);
        return new Entity(
                subject.getURI(), kind, recordId, graph, CanonicalForm.sha256(CanonicalForm.of(graph, subject)));
    }

    private static void copyClosure(Graph source, Node subject, Graph target) {
        source.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
            boolean seen = t.getObject().isBlank() && target.contains(t.getObject(), Node.ANY, Node.ANY);
            target.add(t);
            if (t.getObject().isBlank() && !seen) {
                copyClosure(source, t.getObject(), target);
            }
        });
    }
}
