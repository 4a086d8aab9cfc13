package cz.spojka.vocab;

import java.util.Collection;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;

/**
 * The vocabulary as RDF, for {@code GET /vocab} in Turtle or JSON-LD: every triple of {@code vocab/ontology} and
 * {@code vocab/shapes}, the description of each concept scheme of {@code vocab/codelists} (not its concepts: they are
 * in the store's codelist graphs), and each dataset as a {@code void:Dataset} with a class partition per class and a
 * property partition per property it uses.
 */
final class VocabularyDescription {

    private VocabularyDescription() {}

    static Graph of(PublishedVocabulary vocabulary, VocabularyCatalogue catalogue) {
        Graph graph = GraphFactory.createDefaultGraph();
        PrefixMapping prefixes = graph.getPrefixMapping();
        prefixes.setNsPrefixes(PrefixMapping.Standard);
        prefixes.setNsPrefix("void", VOID.NS);
        prefixes.setNsPrefix("dcterms", DCTerms.NS);
        for (String folder : List.of("ontology", "shapes")) {
            for (Graph file : vocabulary.graphsIn(folder).values()) {
                file.find().forEachRemaining(graph::add);
                // Two shapes files may give one prefix different namespaces (each its own "tvar:"): the first wins,
                // and the other namespace is written in full.
                file.getPrefixMapping().getNsPrefixMap().forEach((prefix, namespace) -> {
                    if (prefixes.getNsPrefixURI(prefix) == null && prefixes.getNsURIPrefix(namespace) == null) {
                        prefixes.setNsPrefix(prefix, namespace);
                    }
                });
            }
        }
        for (VocabularyCatalogue.Codelist codelist : catalogue.codelists()) {
            Node scheme = NodeFactory.createURI(codelist.iri());
            vocabulary
                    .graphsIn("codelists")
                    .get(codelist.graph())
                    .find(scheme, Node.ANY, Node.ANY)
                    .forEachRemaining(graph::add);
        }
        catalogue.datasets().forEach(dataset -> addDataset(graph, dataset));
        return graph;
    }

    private static void addDataset(Graph graph, DatasetTerms dataset) {
        Node iri = NodeFactory.createURI(dataset.iri());
        graph.add(iri, RDF.type.asNode(), VOID.Dataset.asNode());
        graph.add(iri, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(dataset.id()));
        dataset.titles()
                .cs()
                .forEach(t -> graph.add(iri, DCTerms.title.asNode(), NodeFactory.createLiteralLang(t, "cs")));
        dataset.titles()
                .en()
                .forEach(t -> graph.add(iri, DCTerms.title.asNode(), NodeFactory.createLiteralLang(t, "en")));
        partitions(graph, iri, VOID.classPartition.asNode(), VOID._class.asNode(), dataset.classes());
        partitions(graph, iri, VOID.propertyPartition.asNode(), VOID.property.asNode(), dataset.properties());
    }

    private static void partitions(Graph graph, Node dataset, Node partition, Node term, Collection<String> terms) {
        for (String iri : terms) {
            Node part = NodeFactory.createBlankNode();
            graph.add(dataset, partition, part);
            graph.add(part, term, NodeFactory.createURI(iri));
        }
    }
}
