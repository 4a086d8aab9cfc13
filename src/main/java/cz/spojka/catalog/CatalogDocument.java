package cz.spojka.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;

/**
 * One document of the catalogue, served at its IRI: the catalogue, a dataset record or the SPARQL data service.
 *
 * @param iri what it describes, the address it is served at
 * @param json the OFN JSON-LD
 * @param graph the same as RDF, with the {@link References} the JSON-LD has no keys for
 */
record CatalogDocument(String iri, ObjectNode json, Graph graph) {}
