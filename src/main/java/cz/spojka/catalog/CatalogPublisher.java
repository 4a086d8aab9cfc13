package cz.spojka.catalog;

import cz.spojka.access.Caller;
import cz.spojka.store.OwnGraphs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the catalogue into the store once the connectors are loaded, as the named graph {@code <base>catalog}, so that
 * NKOD can harvest it through the SPARQL endpoint as well as from the documents at {@code /catalog}. That graph is
 * the public catalogue: the records of public datasets. The record of a dataset the public may not read is a graph
 * of its own, named by the record's IRI ({@code <base>catalog/datasets/<dataset>/<IČO>}), with the catalogue's link
 * to it: {@code GraphAccess} classifies that graph as the dataset's graph of that municipality, so SPARQL shows the
 * record exactly to the callers who may read the data. It is built from configuration at every start, replacing
 * what an older configuration published, and a rebuild of the store keeps it.
 *
 * @param catalog the catalogue of the loaded connectors
 * @param store where the graph goes
 */
record CatalogPublisher(CurrentCatalog catalog, OwnGraphs store) {

    private static final Logger log = LoggerFactory.getLogger(CatalogPublisher.class);

    void publish() {
        String graph = catalog.iris().catalog();
        HubCatalog published = catalog.get(Caller.ANONYMOUS);
        HubCatalog all = catalog.all();
        Map<String, Graph> graphs = new LinkedHashMap<>();
        graphs.put(graph, published.graph());
        Node catalogIri = NodeFactory.createURI(graph);
        for (String record : all.datasetIris()) {
            if (!published.datasetIris().contains(record)) {
                Graph restricted = GraphFactory.createDefaultGraph();
                GraphUtil.addInto(restricted, all.dataset(record).orElseThrow().graph());
                restricted.add(catalogIri, DCAT.dataset.asNode(), NodeFactory.createURI(record));
                graphs.put(record, restricted);
            }
        }
        store.publish(
                "the catalogue (" + all.datasetIris().size() + " datasets, "
                        + published.datasetIris().size() + " public)",
                "SPARQL lacks the catalogue",
                graph,
                graphs);
        if (!graph.startsWith("https://")) {
            // DCAT-AP-CZ's schemas require https IRIs and addresses; a demo on localhost is still a fine catalogue.
            log.warn(
                    "The catalogue {} is not at an https address, which NKOD requires: set spojka.base-iri to the"
                            + " hub's public https address before registering it",
                    graph);
        }
    }
}
