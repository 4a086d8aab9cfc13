package cz.spojka.catalog;

import cz.spojka.connector.Connectors;
import cz.spojka.downloads.DownloadFiles;
import cz.spojka.system.SpojkaProperties;

/**
 * The catalogue of the connectors loaded now, made afresh when asked, so that it always lists exactly the datasets
 * {@code /data} offers: cheap, as it builds a document only when that is asked for.
 *
 * @param properties the base IRI, {@code spojka.catalog.*}, and the store whose endpoint the catalogue offers
 * @param connectors the loaded connectors
 * @param files what {@code /data} offers of each dataset
 */
record CurrentCatalog(SpojkaProperties properties, Connectors connectors, DownloadFiles files) {

    HubCatalog get() {
        return new HubCatalog(
                properties.baseIri(),
                properties.catalog(),
                sparqlEndpoint(),
                connectors.active().stream().map(Connectors.Active::definition).toList(),
                files);
    }

    CatalogIris iris() {
        return new CatalogIris(properties.baseIri());
    }

    /** The configured address, else the hub's own {@code /sparql}, else (external store) the store's query endpoint. */
    private String sparqlEndpoint() {
        if (!properties.catalog().sparqlEndpoint().isEmpty()) {
            return properties.catalog().sparqlEndpoint();
        }
        return properties.store().type() == SpojkaProperties.StoreType.tdb2
                ? properties.baseIri() + "sparql"
                : properties.store().sparql().queryEndpoint();
    }
}
