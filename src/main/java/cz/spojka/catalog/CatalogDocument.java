package cz.spojka.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;

/**
 * One document of the catalogue, served at its IRI: the catalogue, a dataset record or the SPARQL data service.
 *
 * @param iri what it describes, the address it is served at
 * @param json the OFN JSON-LD
 * @param references what the RDF adds about the resources it points at (see {@link References})
 */
record CatalogDocument(String iri, ObjectNode json, Graph references) {

    /** The document as RDF: the JSON-LD's triples and the references. */
    Graph graph(JsonLdGraphs reader) {
        Graph graph = reader.read(json);
        GraphUtil.addInto(graph, references);
        return graph;
    }
}
