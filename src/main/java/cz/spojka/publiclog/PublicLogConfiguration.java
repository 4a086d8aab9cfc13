package cz.spojka.publiclog;

import cz.spojka.access.GraphAccess;
import cz.spojka.changelog.ChangeLog;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.connector.Connectors;
import cz.spojka.system.SpojkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public change log, copied from the change log by the classifications of the datasets. */
@Configuration(proxyBeanMethods = false)
class PublicLogConfiguration {

    /** Depends on the change log so that its topic exists before the copy reads it. */
    @Bean
    PublicChangeLog publicChangeLog(
            KafkaClients clients,
            SpojkaProperties properties,
            GraphAccess access,
            Connectors connectors,
            ChangeLog changeLog) {
        return new PublicChangeLog(clients, properties.kafka(), new PublicDatasets(access, connectors), connectors);
    }
}
