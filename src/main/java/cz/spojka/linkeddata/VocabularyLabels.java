package cz.spojka.linkeddata;

import cz.spojka.vocab.PublishedVocabulary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The labels of the vocabulary's classes, properties and codelist concepts, read once from the published vocabulary
 * (it does not change while the hub runs): the pages name the types and properties of a resource by them.
 */
final class VocabularyLabels {

    /** The predicates read as labels, here and in the store. */
    static final List<Node> LABEL_PREDICATES =
            List.of(SKOS.prefLabel.asNode(), RDFS.label.asNode(), DCTerms.title.asNode(), FOAF.name.asNode());

    private final Map<String, Labels> labels = new HashMap<>();

    VocabularyLabels(PublishedVocabulary vocabulary) {
        // rdf:type is in no file of the vocabulary, and a blank node's table names it.
        labels.put(
                RDF.type.getURI(),
                new Labels()
                        .add(NodeFactory.createLiteralLang("typ", "cs"))
                        .add(NodeFactory.createLiteralLang("type", "en")));
        vocabulary.graphs().forEach((iri, graph) -> {
            if (iri.startsWith(vocabulary.graphPrefix() + "ontology/")
                    || iri.startsWith(vocabulary.graphPrefix() + "codelists/")) {
                read(graph);
            }
        });
    }

    private void read(Graph graph) {
        for (Node predicate : LABEL_PREDICATES) {
            graph.find(Node.ANY, predicate, Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().isURI()) {
                    labels.computeIfAbsent(t.getSubject().getURI(), k -> new Labels())
                            .add(t.getObject());
                }
            });
        }
    }

    Labels of(String iri) {
        return labels.getOrDefault(iri, new Labels());
    }
}
