package cz.spojka.vocab;

import cz.spojka.store.EntityStore;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@link PublishedVocabulary} into the store at start-up, replacing what an older version of the hub
 * published (a renamed or removed file leaves no graph behind). The store's rebuild from the change log keeps it.
 */
public class VocabularyPublisher {

    private static final Logger log = LoggerFactory.getLogger(VocabularyPublisher.class);

    private final PublishedVocabulary vocabulary;
    private final EntityStore store;

    public VocabularyPublisher(PublishedVocabulary vocabulary, EntityStore store) {
        this.vocabulary = vocabulary;
        this.store = store;
    }

    public void publish() {
        Map<String, Graph> graphs = vocabulary.graphs();
        long started = System.nanoTime();
        try {
            store.replaceGraphs(vocabulary.graphPrefix(), graphs);
        } catch (RuntimeException e) {
            // An external store that is down must not stop the hub: the data still flows into the change log, and
            // the next start publishes the vocabulary again.
            log.error(
                    "The vocabulary could not be published in the store ({}); SPARQL lacks the codelists' labels until"
                            + " the next start: {}",
                    store.describe(),
                    e.getMessage());
            return;
        }
        log.info(
                "Published the vocabulary in the store: {} graphs, {} triples under {} in {} ms",
                graphs.size(),
                graphs.values().stream().mapToLong(Graph::size).sum(),
                vocabulary.graphPrefix(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
