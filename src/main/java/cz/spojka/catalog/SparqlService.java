package cz.spojka.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

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

    static final String TYPE = "Datová služba";

    /** The service as an object inside a dataset record, or with a context as its own document. */
    ObjectNode describe(ObjectNode node) {
        node.set(
                "název",
                OfnJson.texts(
                        "SPARQL endpoint integračního uzlu Spojka", "SPARQL endpoint of the Spojka integration hub"));
        node.put("přístupový_bod", endpoint);
        node.put("popis_přístupového_bodu", iri);
        node.set("specifikace", OfnJson.strings(List.of(PROTOCOL)));
        return node;
    }

    void references(References references) {
        references.standard(PROTOCOL);
    }

    CatalogDocument document() {
        References references = new References();
        references(references);
        return new CatalogDocument(iri, describe(OfnJson.document(iri, TYPE)), references.graph());
    }
}
