package cz.spojka.catalog;

import cz.spojka.access.Caller;
import cz.spojka.access.GraphAccess;
import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.Connectors;
import cz.spojka.downloads.DownloadFiles;
import cz.spojka.system.SpojkaProperties;
import java.util.function.Predicate;

/**
 * The catalogue of the connectors loaded now, made afresh when asked, so that it always lists exactly the datasets
 * {@code /data} offers the caller: cheap, as it builds a document only when that is asked for. A record is listed to
 * the callers that may read its dataset's graph of its municipality ({@link GraphAccess}): the public sees the public
 * datasets only, as NKOD harvests them; an agency also the ones it has been granted.
 *
 * @param properties the base IRI, {@code spojka.catalog.*}, and the store whose endpoint the catalogue offers
 * @param connectors the loaded connectors
 * @param files what {@code /data} offers of each dataset
 * @param access which graphs a caller may read
 */
record CurrentCatalog(SpojkaProperties properties, Connectors connectors, DownloadFiles files, GraphAccess access) {

    /** The catalogue as {@code caller} sees it. */
    HubCatalog get(Caller caller) {
        Predicate<String> visible = access.visibleTo(caller);
        return of(dataset -> visible.test(dataset.graphIri(properties.baseIri())));
    }

    /** The catalogue with the records of every dataset, whoever may read them. */
    HubCatalog all() {
        return of(dataset -> true);
    }

    private HubCatalog of(Predicate<ConnectorDefinition.Dataset> listed) {
        return new HubCatalog(
                properties.baseIri(),
                properties.catalog(),
                sparqlEndpoint(),
                connectors.active().stream()
                        .map(Connectors.Active::definition)
                        .filter(definition -> listed.test(definition.dataset()))
                        .toList(),
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
