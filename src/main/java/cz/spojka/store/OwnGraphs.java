package cz.spojka.store;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts into the store, at start-up, the graphs the hub makes from its own files and configuration rather than from
 * the change log (the vocabulary, the catalogue): {@link EntityStore#replaceGraphs} makes the graphs under a prefix
 * exactly the given ones, and a rebuild from the change log keeps them.
 */
public final class OwnGraphs {

    private static final Logger log = LoggerFactory.getLogger(OwnGraphs.class);

    private final EntityStore store;

    public OwnGraphs(EntityStore store) {
        this.store = store;
    }

    /**
     * @param what what the graphs are, for the log ("the vocabulary")
     * @param consequence what SPARQL lacks while they are not published, for the log
     * @return whether they were published
     */
    public boolean publish(String what, String consequence, String prefix, Map<String, Graph> graphs) {
        try {
            store.replaceGraphs(prefix, graphs);
        } catch (RuntimeException e) {
            // An external store that is down must not stop the hub: the data still flows into the change log, and
            // the next start publishes these graphs again.
            log.error(
                    "Could not publish {} in the store ({}); {} until the next start: {}",
                    what,
                    store.describe(),
                    consequence,
                    e.getMessage());
            return false;
        }
        log.info(
                "Published {} in the store: {} graphs, {} triples under {}",
                what,
                graphs.size(),
                graphs.values().stream().mapToLong(Graph::size).sum(),
                prefix);
        return true;
    }
}
