package cz.spojka.catalog;

import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.downloads.DownloadFiles;
import cz.spojka.system.SpojkaProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The hub's open-data catalogue (LKOD) per DCAT-AP-CZ, built from configuration: the catalogue itself ({@code Katalog},
 * from {@code spojka.catalog.*}), one record per dataset and municipality of the loaded connectors (from their
 * {@code dataset} and {@code dataset.catalog}), and the SPARQL data service their distributions share.
 *
 * @param catalog the catalogue's document, listing the datasets
 * @param datasets the dataset records by IRI, in the order of the connectors
 * @param service the SPARQL data service's document
 */
record HubCatalog(CatalogDocument catalog, Map<String, CatalogDocument> datasets, CatalogDocument service) {

    /**
     * @param baseIri the hub's base IRI
     * @param settings {@code spojka.catalog.*}
     * @param sparqlEndpoint the public address of the SPARQL endpoint
     * @param connectors the loaded connectors (one per municipality); where two feed the same dataset and municipality,
     *     the first one's declaration describes it
     * @param files what {@code /data} offers of each dataset
     */
    static HubCatalog build(
            String baseIri,
            SpojkaProperties.Catalog settings,
            String sparqlEndpoint,
            List<ConnectorDefinition> connectors,
            DownloadFiles files) {
        CatalogIris iris = new CatalogIris(baseIri);
        SparqlService service = new SparqlService(iris.sparqlService(), sparqlEndpoint);
        Map<String, CatalogDocument> datasets = new LinkedHashMap<>();
        for (ConnectorDefinition connector : connectors) {
            ConnectorDefinition.Dataset dataset = connector.dataset();
            DatasetRecord record = new DatasetRecord(iris, dataset);
            if (!datasets.containsKey(record.iri())) {
                datasets.put(record.iri(), record.document(files.of(dataset.id()), service, dataset.graphIri(baseIri)));
            }
        }
        CatalogDocument catalog = CatalogRecord.document(iris, settings, new ArrayList<>(datasets.keySet()));
        return new HubCatalog(catalog, datasets, service.document());
    }

    /** The record of a dataset of a municipality, if a loaded connector feeds it. */
    Optional<CatalogDocument> dataset(String iri) {
        return Optional.ofNullable(datasets.get(iri));
    }

    /** Every document, the catalogue first. */
    List<CatalogDocument> documents() {
        List<CatalogDocument> documents = new ArrayList<>();
        documents.add(catalog);
        documents.addAll(datasets.values());
        documents.add(service);
        return documents;
    }

    /** The whole catalogue as one graph: what the store publishes for SPARQL. */
    Graph graph(JsonLdGraphs reader) {
        Graph graph = GraphFactory.createDefaultGraph();
        documents().forEach(document -> GraphUtil.addInto(graph, document.graph(reader)));
        return graph;
    }
}
