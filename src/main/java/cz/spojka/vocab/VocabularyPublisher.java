package cz.spojka.vocab;

import cz.spojka.store.EntityStore;
import cz.spojka.store.OwnGraphs;

/**
 * Puts the {@link PublishedVocabulary} into the store at start-up, replacing what an older version of the hub
 * published (a renamed or removed file leaves no graph behind). The store's rebuild from the change log keeps it.
 */
public class VocabularyPublisher {

    private final PublishedVocabulary vocabulary;
    private final OwnGraphs store;

    public VocabularyPublisher(PublishedVocabulary vocabulary, EntityStore store) {
        this.vocabulary = vocabulary;
        this.store = new OwnGraphs(store);
    }

    public void publish() {
        store.publish(
                "the vocabulary", "SPARQL lacks the codelists' labels", vocabulary.graphPrefix(), vocabulary.graphs());
    }
}
