package cz.spojka.vocab;

import cz.spojka.store.EntityStore;
import cz.spojka.system.SpojkaProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The vocabulary the hub publishes beside the data. */
@Configuration(proxyBeanMethods = false)
class VocabularyConfiguration {

    @Bean
    PublishedVocabulary publishedVocabulary(SpojkaProperties properties) {
        return PublishedVocabulary.read(properties.vocabDir(), properties.baseIri() + "vocab/");
    }

    @Bean
    EntityShapes entityShapes(SpojkaProperties properties) {
        return EntityShapes.read(properties.vocabDir(), properties.baseIri());
    }

    @Bean
    VocabularyPublisher vocabularyPublisher(PublishedVocabulary vocabulary, EntityStore store) {
        return new VocabularyPublisher(vocabulary, store);
    }

    @EventListener(ApplicationReadyEvent.class)
    void publish(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(VocabularyPublisher.class).publish();
    }
}
