package cz.spojka.deadletter;

import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.connector.ConnectorRunner;
import cz.spojka.connector.Connectors;
import cz.spojka.connector.UnresolvedDeadLetters;
import cz.spojka.system.SpojkaProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dead-letter log an operator lists and replays: its index, the replay log, the API for operators. */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    private final SpojkaProperties properties;

    DeadLetterConfiguration(SpojkaProperties properties) {
        this.properties = properties;
    }

    /**
     * The index, told of every letter the hub writes, with a gauge per connector and stage ({@code spojka.deadletters})
     * and one of the unresolved letters per connector ({@code spojka.deadletters.unresolved}).
     */
    @Bean
    DeadLetterIndex deadLetterIndex(DeadLetterPublisher publisher, MeterRegistry metrics) {
        DeadLetterIndex index = new DeadLetterIndex();
        publisher.addListener((partition, offset, letter, replayOf) ->
                index.add(LetterSummary.of(partition, offset, letter, replayOf)));
        Set<String> connectors = ConcurrentHashMap.newKeySet();
        index.onNewKind(letter -> {
            Gauge.builder("spojka.deadletters", index, i -> i.count(letter.connectorId(), letter.stage()))
                    .description("Dead letters in the dead-letter log (30 days), by connector and stage")
                    .tag("connector", letter.connectorId())
                    .tag("stage", letter.stage())
                    .register(metrics);
            if (connectors.add(letter.connectorId())) {
                Gauge.builder("spojka.deadletters.unresolved", index, i -> i.unresolvedCount(letter.connectorId()))
                        .description("Dead letters not replayed yet, by connector")
                        .tag("connector", letter.connectorId())
                        .register(metrics);
            }
        });
        return index;
    }

    @Bean
    DeadLetterLog deadLetterLog(KafkaClients clients, DeadLetterIndex index) {
        return new DeadLetterLog(clients, properties.kafka(), index);
    }

    @Bean
    UnresolvedDeadLetters unresolvedDeadLetters(DeadLetterIndex index) {
        return index::unresolvedCount;
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(
            DeadLetterLog log,
            DeadLetterIndex index,
            ConnectorRunner runner,
            Connectors connectors,
            DeadLetterPublisher publisher) {
        return new DeadLetterReplayer(log, index, runner, connectors, publisher);
    }
}
