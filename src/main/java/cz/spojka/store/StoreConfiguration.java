package cz.spojka.store;

import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.system.SpojkaProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store the change log is materialized into ({@code spojka.store.type}), the materializer, and the reader of the
 * published data.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "spojka.store.type", havingValue = "tdb2", matchIfMissing = true)
    TdbEntityStore tdbEntityStore(SpojkaProperties properties, ChangeEvents events) {
        return new TdbEntityStore(
                properties.tdbDir(),
                properties.textIndexDir(),
                properties.baseIri() + "graph/",
                new ProvenanceTriples(events));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "spojka.store.type", havingValue = "sparql")
    SparqlEntityStore sparqlEntityStore(SpojkaProperties properties, ChangeEvents events) {
        SpojkaProperties.Sparql sparql = properties.store().sparql();
        require(sparql.queryEndpoint(), "spojka.store.sparql.query-endpoint");
        require(sparql.updateEndpoint(), "spojka.store.sparql.update-endpoint");
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
    StoreReader sparqlStoreReader(SpojkaProperties properties) {
        return StoreReader.of(properties.store().sparql().queryEndpoint());
    }

    private static void require(String value, String property) {
        if (value.isBlank()) {
            throw new IllegalStateException(
                    property + " must name the external store's endpoint when" + " spojka.store.type is 'sparql'");
        }
    }

    @Bean
    Materializer materializer(KafkaClients clients, SpojkaProperties properties, EntityStore store) {
        SpojkaProperties.Store config = properties.store();
        return new Materializer(
                clients,
                properties.kafka().changesTopic(),
                store,
                config.batchSize(),
                config.pollTimeout(),
                config.commitLinger(),
                config.rebuild());
    }
}
