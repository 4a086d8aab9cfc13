package cz.spojka.store;

import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.system.SpojkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store the change log is materialized into, and the materializer. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    TdbEntityStore tdbEntityStore(SpojkaProperties properties, ChangeEvents events) {
        return new TdbEntityStore(properties.tdbDir(), new ProvenanceTriples(events));
    }

    @Bean
    Materializer materializer(KafkaClients clients, SpojkaProperties properties, TdbEntityStore store) {
        SpojkaProperties.Store config = properties.store();
        return new Materializer(clients, properties.kafka().changesTopic(), store, config.batchSize(),
                config.pollTimeout(), config.rebuild());
    }
}
