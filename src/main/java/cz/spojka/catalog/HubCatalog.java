package cz.spojka.catalog;

import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.downloads.DownloadFiles;
import cz.spojka.system.SpojkaProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The hub's open-data catalogue (LKOD) per DCAT-AP-CZ, built from configuration: the catalogue itself ({@code Katalog},
 * from {@code spojka.catalog.*}), one record per dataset and municipality of the connectors (from their
 * {@code dataset} and {@code dataset.catalog}), and the SPARQL data service their distributions share. A document is
 * built when it is asked for: the catalogue of thousands of municipalities lists them without building them.
 */
final class HubCatalog {

    private final String baseIri;
    private final SpojkaProperties.Catalog settings;
    private final DownloadFiles files;
    private final CatalogIris iris;
    private final SparqlService service;
    private final Map<String, ConnectorDefinition.Dataset> datasets = new LinkedHashMap<>();

    /**
     * @param baseIri the hub's base IRI
     * @param settings {@code spojka.catalog.*}
     * @param sparqlEndpoint the public address of the SPARQL endpoint
     * @param connectors the loaded connectors (one per municipality); where two feed the same dataset and municipality,
     *     the first one's declaration describes it
     * @param files what {@code /data} offers of each dataset
     */
    HubCatalog(
            String baseIri,
            SpojkaProperties.Catalog settings,
            String sparqlEndpoint,
            List<ConnectorDefinition> connectors,
            DownloadFiles files) {
        this.baseIri = baseIri;
        this.settings = settings;
        this.files = files;
        this.iris = new CatalogIris(baseIri);
        this.service = new SparqlService(iris.sparqlService(), sparqlEndpoint);
        for (ConnectorDefinition connector : connectors) {
            ConnectorDefinition.Dataset dataset = connector.dataset();
            datasets.putIfAbsent(iris.dataset(dataset.id(), dataset.ico()), dataset);
        }
    }

    /** The IRIs of the dataset records, in the order of the connectors. */
    List<String> datasetIris() {
        return List.copyOf(datasets.keySet());
    }

    /** The catalogue's document, listing the dataset records. */
    CatalogDocument catalog() {
        return CatalogRecord.document(iris, settings, datasetIris());
    }

    /** The record of a dataset of a municipality, if a loaded connector feeds it. */
    Optional<CatalogDocument> dataset(String iri) {
        return Optional.ofNullable(datasets.get(iri)).map(this::record);
    }

    CatalogDocument service() {
        return service.document();
    }

    /** The whole catalogue as one graph: what the store publishes for SPARQL. */
    Graph graph() {
        Graph graph = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(graph, catalog().graph());
        datasets.values()
                .forEach(dataset -> GraphUtil.addInto(graph, record(dataset).graph()));
        GraphUtil.addInto(graph, service().graph());
        return graph;
    }

    private CatalogDocument record(ConnectorDefinition.Dataset dataset) {
        return new DatasetRecord(iris, dataset).document(files.of(dataset.id()), service, dataset.graphIri(baseIri));
    }
}
