package cz.spojka.changelog;

import cz.spojka.system.EmbeddedKafkaBroker;
import cz.spojka.system.PhasedLifecycle;
import cz.spojka.system.SpojkaProperties;
import cz.spojka.vocab.EntityShapes;
import cz.spojka.vocab.PublishedVocabulary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka change log: the in-process broker when no cluster is named, topics, index, publishers. */
@Configuration(proxyBeanMethods = false)
class ChangeLogConfiguration {

    @Bean
    @ConditionalOnExpression("'${spojka.kafka.bootstrap-servers:}'.isBlank()")
    EmbeddedKafkaBroker embeddedKafkaBroker(SpojkaProperties properties) {
        return new EmbeddedKafkaBroker(
                properties.kafkaDir(),
                properties.kafka().embedded(),
                properties.kafka().replicationFactor());
    }

    @Bean
    KafkaClients kafkaClients(SpojkaProperties properties, ObjectProvider<EmbeddedKafkaBroker> broker) {
        return new KafkaClients(
                () -> {
                    EmbeddedKafkaBroker embedded = broker.getIfAvailable();
                    return embedded != null
                            ? embedded.bootstrapServers()
                            : properties.kafka().bootstrapServers();
                },
                properties.kafka().publishTimeout());
    }

    @Bean
    ChangeLogIndex changeLogIndex() {
        return new ChangeLogIndex();
    }

    @Bean
    ChangeLog changeLog(KafkaClients clients, SpojkaProperties properties, ChangeLogIndex index) {
        return new ChangeLog(clients, properties.kafka(), index);
    }

    @Bean
    ChangeEvents changeEvents(SpojkaProperties properties, PublishedVocabulary vocabulary, EntityShapes shapes) {
        return new ChangeEvents(properties.baseIri(), new CompactIris(vocabulary.ontologyPrefixes()), shapes.byClass());
    }

    @Bean
    ChangeDetector changeDetector(ChangeLogIndex index) {
        return new ChangeDetector(index);
    }

    @Bean(destroyMethod = "close")
    ChangePublisher changePublisher(
            KafkaClients clients,
            SpojkaProperties properties,
            ChangeEvents events,
            ChangeLogIndex index,
            ChangeLog changeLog) {
        return new ChangePublisher(clients, properties.kafka().changesTopic(), events, index);
    }

    @Bean(destroyMethod = "close")
    DeadLetterPublisher deadLetterPublisher(KafkaClients clients, SpojkaProperties properties) {
        return new DeadLetterPublisher(clients, properties.kafka().deadletterTopic());
    }

    /**
     * Closes the producers while the in-process broker still runs: lifecycles stop (highest phase first) before
     * beans are destroyed, so closing them only at destruction would leave them retrying a stopped broker.
     */
    @Bean
    SmartLifecycle producersClosedBeforeTheBroker(ChangePublisher changes, DeadLetterPublisher deadLetters) {
        return new PhasedLifecycle(ChangeLog.PHASE) {
            @Override
            protected void startUp() {
                // the producers are created on first use
            }

            @Override
            protected void shutDown() {
                changes.close();
                deadLetters.close();
            }
        };
    }
}
