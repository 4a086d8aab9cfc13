package cz.spojka.catalog;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The SPARQL endpoint as a DCAT data service ({@code Datová služba}): every dataset has a distribution through it.
 * Its description is its own document at its IRI, which is also the endpoint's description: a bare {@code GET} of a
 * SPARQL endpoint is not one (the hub's answers with the whole store, by the Graph Store Protocol).
 *
 * @param iri the service's IRI
 * @param endpoint the public address of the SPARQL endpoint
 */
record SparqlService(String iri, String endpoint) {

    /** The SPARQL 1.1 protocol, the service's specification. */
    static final String PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/";

    /** Describes the service in a node made for it (an object inside a dataset record, or its own document). */
    void describe(OfnNode service, References references) {
        service.texts(
                        OfnKey.TITLE,
                        "SPARQL endpoint integračního uzlu Spojka",
                        "SPARQL endpoint of the Spojka integration hub")
                .iri(OfnKey.ENDPOINT_URL, endpoint)
                .iri(OfnKey.ENDPOINT_DESCRIPTION, iri)
                .iris(OfnKey.SPECIFICATION, List.of(PROTOCOL));
        references.standard(PROTOCOL);
    }

    CatalogDocument document() {
        Graph graph = GraphFactory.createDefaultGraph();
        OfnNode service = OfnNode.document(iri, OfnType.DATA_SERVICE, graph);
        describe(service, new References(graph));
        return new CatalogDocument(iri, service.json(), graph);
    }
}
