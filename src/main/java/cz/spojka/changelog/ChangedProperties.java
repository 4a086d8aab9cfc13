package cz.spojka.changelog;

import cz.spojka.mapping.CanonicalForm;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;

/**
 * Which of an entity's own properties changed between two states. The states are compared in their canonical form
 * (one line per property value, a blank node written as its whole description), so a property counts as changed
 * when any of its values was added, removed or changed, including a change inside a nested blank node (a notice's
 * publication date, an attached document), and never because of blank-node labels or triple order.
 */
final class ChangedProperties {

    private ChangedProperties() {}

    /** The IRIs of the properties (including {@code rdf:type}) whose values differ, sorted. */
    static List<String> between(Graph previous, Graph current, String entityIri) {
        Set<String> before = lines(previous, entityIri);
        Set<String> after = lines(current, entityIri);
        Set<String> changed = new TreeSet<>();
        for (String line : before) {
            if (!after.contains(line)) {
                changed.add(predicate(line));
            }
        }
        for (String line : after) {
            if (!before.contains(line)) {
                changed.add(predicate(line));
            }
        }
        return List.copyOf(changed);
    }

    /** The canonical form's lines of the entity's own triples: {@code <predicate> object}, one per value. */
    private static Set<String> lines(Graph graph, String entityIri) {
        String canonical = CanonicalForm.of(graph, NodeFactory.createURI(entityIri));
        return canonical.isEmpty() ? Set.of() : new HashSet<>(List.of(canonical.split("\n")));
    }

    private static String predicate(String line) {
        return line.substring(1, line.indexOf('>'));
    }
}
