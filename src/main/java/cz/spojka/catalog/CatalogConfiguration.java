package cz.spojka.catalog;

import cz.spojka.access.GraphAccess;
import cz.spojka.connector.Connectors;
import cz.spojka.downloads.DownloadFiles;
import cz.spojka.store.EntityStore;
import cz.spojka.store.OwnGraphs;
import cz.spojka.system.SpojkaProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/** The catalogue at {@code /catalog} and in the store. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** After the connectors are loaded (order 0), whose datasets it lists; before the start-up summary (100). */
    static final int PUBLISH_ORDER = 50;

    @Bean
    CurrentCatalog currentCatalog(
            SpojkaProperties properties, Connectors connectors, DownloadFiles files, GraphAccess access) {
        CatalogRecord.checked(properties.catalog());
        return new CurrentCatalog(properties, connectors, files, access);
    }

    @Bean
    CatalogPublisher catalogPublisher(CurrentCatalog catalog, EntityStore store) {
        return new CatalogPublisher(catalog, new OwnGraphs(store));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(PUBLISH_ORDER)
    void publish(ApplicationReadyEvent event) {
        event.getApplicationContext().getBean(CatalogPublisher.class).publish();
    }
}
