package cz.spojka.catalog;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * What the catalogue states about the resources its records point at, beyond what the OFN JSON-LD can say: the
 * classes DCAT-AP 3 expects of them (a publisher is a {@code foaf:Agent} with a name, a RÚIAN element a
 * {@code dcterms:Location}, a documentation page a {@code foaf:Document}, a specification a {@code dcterms:Standard}).
 * The JSON-LD context of DCAT-AP-CZ has no keys for these, so they are only in the catalogue's RDF (Turtle and the
 * store), beside the triples of the JSON-LD.
 *
 * @param graph where the statements go: the document's graph
 */
record References(Graph graph) {

    private static final Node AGENT = FOAF.Agent.asNode();
    private static final Node NAME = FOAF.name.asNode();
    private static final Node DOCUMENT = FOAF.Document.asNode();

    /** A publisher, named in Czech. */
    void agent(String iri, String nameCs) {
        type(iri, AGENT);
        graph.add(NodeFactory.createURI(iri), NAME, NodeFactory.createLiteralLang(nameCs, "cs"));
    }

    void location(String iri) {
        type(iri, DCTerms.Location.asNode());
    }

    void document(String iri) {
        type(iri, DOCUMENT);
    }

    void standard(String iri) {
        type(iri, DCTerms.Standard.asNode());
    }

    private void type(String iri, Node type) {
        graph.add(NodeFactory.createURI(iri), RDF.type.asNode(), type);
    }
}
