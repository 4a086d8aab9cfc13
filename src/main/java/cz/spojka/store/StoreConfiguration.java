package cz.spojka.store;

import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.system.SpojkaProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store the change log is materialized into ({@code spojka.store.type}), the materializer, the reader of the
 * published data, and the compaction of the TDB2 store with its admin API.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    private final SpojkaProperties properties;

    StoreConfiguration(SpojkaProperties properties) {
        this.properties = properties;
    }

    @Bean
    @ConditionalOnProperty(name = "spojka.store.type", havingValue = "tdb2", matchIfMissing = true)
    StoreCompaction storeCompaction(TdbEntityStore store, MeterRegistry metrics) {
        return new StoreCompaction(store, properties.compactionStateFile(), metrics);
    }

    @Bean
    @ConditionalOnProperty(name = "spojka.store.type", havingValue = "tdb2", matchIfMissing = true)
    CompactionScheduler compactionScheduler(StoreCompaction compaction) {
        SpojkaProperties.Compaction config = properties.store().compaction();
        return new CompactionScheduler(
                compaction, CompactionSchedule.of(config, ZoneId.systemDefault()), config.checkInterval());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "spojka.store.type", havingValue = "tdb2", matchIfMissing = true)
    TdbEntityStore tdbEntityStore(ChangeEvents events) {
        return new TdbEntityStore(
                properties.tdbDir(),
                properties.textIndexDir(),
                properties.baseIri() + "graph/",
                new ProvenanceTriples(events));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "spojka.store.type", havingValue = "sparql")
    SparqlEntityStore sparqlEntityStore(ChangeEvents events) {
        SpojkaProperties.Sparql sparql = properties.store().sparql();
        require(sparql.queryEndpoint(), "spojka.store.sparql.query-endpoint");
        require(sparql.updateEndpoint(), "spojka.store.sparql.update-endpoint");
        SpojkaProperties.Compaction compaction = properties.store().compaction();
        if (!compaction.interval().isZero() || !compaction.cron().isBlank()) {
            log.warn(
                    "{}interval and {}cron are ignored: the hub compacts only its embedded TDB2 store, and"
                            + " spojka.store.type is 'sparql'; compact the external store with its own tools",
                    CompactionSchedule.PREFIX,
                    CompactionSchedule.PREFIX);
        }
        return new SparqlEntityStore(
                sparql.queryEndpoint(),
                sparql.updateEndpoint(),
                properties.baseIri() + "graph/",
                new ProvenanceTriples(events));
    }

    /** Downloads read the TDB2 dataset directly, in one read transaction each. */
    @Bean
    @ConditionalOnProperty(name = "spojka.store.type", havingValue = "tdb2", matchIfMissing = true)
    StoreReader tdbStoreReader(TdbEntityStore store) {
        return StoreReader.of(store.dataset());
    }

    @Bean
    @ConditionalOnProperty(name = "spojka.store.type", havingValue = "sparql")
    StoreReader sparqlStoreReader() {
        return StoreReader.of(properties.store().sparql().queryEndpoint());
    }

    private static void require(String value, String property) {
        if (value.isBlank()) {
            throw new IllegalStateException(
                    property + " must name the external store's endpoint when" + " spojka.store.type is 'sparql'");
        }
    }

    @Bean
    Materializer materializer(KafkaClients clients, EntityStore store) {
        SpojkaProperties.Store config = properties.store();
        return new Materializer(
                clients,
                properties.kafka().changesTopic(),
                store,
                config.batchSize(),
                config.pollTimeout(),
                config.commitLinger(),
                config.rebuild(),
                config.retryBackoffMax());
    }
}
