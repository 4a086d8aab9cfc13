package cz.spojka.catalog;

import cz.spojka.store.OwnGraphs;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the catalogue into the store once the connectors are loaded, as the named graph {@code <base>catalog}, so that
 * NKOD can harvest it through the SPARQL endpoint as well as from the documents at {@code /catalog}. It is built from
 * configuration at every start, replacing what an older configuration published, and a rebuild of the store keeps it.
 *
 * @param catalog the catalogue of the loaded connectors
 * @param store where the graph goes
 */
record CatalogPublisher(CurrentCatalog catalog, OwnGraphs store) {

    private static final Logger log = LoggerFactory.getLogger(CatalogPublisher.class);

    void publish() {
        String graph = catalog.iris().catalog();
        HubCatalog current = catalog.get();
        store.publish(
                "the catalogue (" + current.datasetIris().size() + " datasets)",
                "SPARQL lacks the catalogue",
                graph,
                Map.of(graph, current.graph()));
        if (!graph.startsWith("https://")) {
            // DCAT-AP-CZ's schemas require https IRIs and addresses; a demo on localhost is still a fine catalogue.
            log.warn(
                    "The catalogue {} is not at an https address, which NKOD requires: set spojka.base-iri to the"
                            + " hub's public https address before registering it",
                    graph);
        }
    }
}
