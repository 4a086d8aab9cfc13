package cz.spojka.e2e;

import cz.spojka.mapping.CanonicalForm;
import cz.spojka.store.TdbEntityStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.springframework.context.ConfigurableApplicationContext;

/** What a test hub's TDB2 store publishes, in a form two stores can be compared in. */
final class StoreSnapshots {

    private StoreSnapshots() {}

    /**
     * The named graphs in canonical form: one line per graph and entity, blank nodes written as their content, sorted
     * — equal lists mean equal stores, whatever blank-node labels TDB2 chose.
     */
    static List<String> of(ConfigurableApplicationContext hub) {
        DatasetGraph store = hub.getBean(TdbEntityStore.class).dataset();
        return Txn.calculateRead(store, () -> {
            List<String> lines = new ArrayList<>();
            store.listGraphNodes().forEachRemaining(graphName -> {
                Graph graph = store.getGraph(graphName);
                Set<Node> subjects = new HashSet<>();
                graph.find().forEachRemaining(t -> subjects.add(t.getSubject()));
                subjects.stream()
                        .filter(Node::isURI)
                        .forEach(subject -> lines.add(graphName.getURI() + " " + CanonicalForm.of(graph, subject)));
            });
            lines.sort(null);
            return lines;
        });
    }

    /** The full-text hits for a word in many notice titles. */
    static long textHits(ConfigurableApplicationContext hub) {
        return HubSparql.of(hub).count("?notice <http://jena.apache.org/text#query> \"zbrane\"");
    }
}
