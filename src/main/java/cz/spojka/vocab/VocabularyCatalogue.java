package cz.spojka.vocab;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What {@code GET /vocab} lists, read from the published vocabulary: the classes and properties the files of
 * {@code vocab/ontology} describe, with their labels and definitions, the shapes that target or constrain each and
 * the datasets that use it; the codelists of {@code vocab/codelists}; the datasets.
 */
final class VocabularyCatalogue {

    /** Czech alphabetical order (ch after h), which the page sorts by. */
    static final Comparator<String> CZECH = Collator.getInstance(Locale.forLanguageTag("cs"))::compare;

    private static final Set<Node> CLASS_TYPES = Set.of(OWL.Class.asNode(), RDFS.Class.asNode());
    private static final Set<Node> PROPERTY_TYPES = Set.of(
            RDF.Property.asNode(),
            OWL.ObjectProperty.asNode(),
            OWL.DatatypeProperty.asNode(),
            OWL.AnnotationProperty.asNode());

    /**
     * A class or property.
     *
     * @param scopeNotes how Spojka uses it ({@code skos:scopeNote}), each file's note
     * @param files the names of the ontology files that describe it ({@code uredni-desky})
     */
    record Term(
            String iri,
            LangText labels,
            LangText definitions,
            LangText scopeNotes,
            List<String> files,
            List<ShapeIndex.Use> shapes,
            List<DatasetTerms> datasets) {}

    /**
     * A concept scheme.
     *
     * @param concepts how many concepts are in it ({@code skos:inScheme})
     * @param graph the named graph of its file
     */
    record Codelist(String iri, LangText labels, LangText definitions, long concepts, String graph) {}

    private final List<Term> classes;
    private final List<Term> properties;
    private final ShapeIndex shapes;
    private final List<Codelist> codelists;
    private final List<DatasetTerms> datasets;

    private VocabularyCatalogue(
            List<Term> classes,
            List<Term> properties,
            ShapeIndex shapes,
            List<Codelist> codelists,
            List<DatasetTerms> datasets) {
        this.classes = classes;
        this.properties = properties;
        this.shapes = shapes;
        this.codelists = codelists;
        this.datasets = datasets;
    }

    static VocabularyCatalogue of(PublishedVocabulary vocabulary, List<DatasetTerms> datasets) {
        Map<String, Graph> ontology = vocabulary.graphsIn("ontology");
        ShapeIndex shapes = ShapeIndex.of(vocabulary.graphsIn("shapes").values());
        Map<String, Term> classes = new LinkedHashMap<>();
        Map<String, Term> properties = new LinkedHashMap<>();
        ontology.values()
                .forEach(graph -> graph.find(Node.ANY, RDF.type.asNode(), Node.ANY)
                        .forEachRemaining(t -> {
                            Node subject = t.getSubject();
                            Map<String, Term> kind = CLASS_TYPES.contains(t.getObject())
                                    ? classes
                                    : PROPERTY_TYPES.contains(t.getObject()) ? properties : null;
                            if (kind != null && subject.isURI()) {
                                kind.computeIfAbsent(subject.getURI(), iri -> term(iri, ontology, shapes, datasets));
                            }
                        }));
        return new VocabularyCatalogue(
                sorted(classes.values()),
                sorted(properties.values()),
                shapes,
                codelists(vocabulary.graphsIn("codelists")),
                datasets);
    }

    List<Term> classes() {
        return classes;
    }

    List<Term> properties() {
        return properties;
    }

    List<ShapeIndex.Shape> shapes() {
        return shapes.shapes();
    }

    List<Codelist> codelists() {
        return codelists;
    }

    List<DatasetTerms> datasets() {
        return datasets;
    }

    private static Term term(String iri, Map<String, Graph> ontology, ShapeIndex shapes, List<DatasetTerms> datasets) {
        Node node = NodeFactory.createURI(iri);
        List<String> files = new ArrayList<>();
        ontology.forEach((graphIri, graph) -> {
            if (graph.contains(node, Node.ANY, Node.ANY)) {
                files.add(graphIri.substring(graphIri.lastIndexOf('/') + 1));
            }
        });
        return new Term(
                iri,
                LangText.of(ontology.values(), node, RDFS.label.asNode()),
                LangText.of(ontology.values(), node, SKOS.definition.asNode()),
                LangText.of(ontology.values(), node, SKOS.scopeNote.asNode()),
                files,
                shapes.usesOf(iri),
                datasets.stream().filter(d -> d.uses(iri)).toList());
    }

    private static List<Term> sorted(Iterable<Term> terms) {
        List<Term> sorted = new ArrayList<>();
        terms.forEach(sorted::add);
        sorted.sort(Comparator.comparing((Term t) -> t.labels().sortKey(t.iri()), CZECH));
        return List.copyOf(sorted);
    }

    private static List<Codelist> codelists(Map<String, Graph> graphs) {
        List<Codelist> codelists = new ArrayList<>();
        graphs.forEach((graphIri, graph) -> graph.find(Node.ANY, RDF.type.asNode(), SKOS.ConceptScheme.asNode())
                .forEachRemaining(t -> {
                    Node scheme = t.getSubject();
                    if (!scheme.isURI()) {
                        return;
                    }
                    codelists.add(new Codelist(
                            scheme.getURI(),
                            LangText.of(graph, scheme, SKOS.prefLabel.asNode()),
                            LangText.of(graph, scheme, SKOS.definition.asNode()),
                            graph.stream(Node.ANY, SKOS.inScheme.asNode(), scheme)
                                    .count(),
                            graphIri));
                }));
        codelists.sort(Comparator.comparing((Codelist c) -> c.labels().sortKey(c.iri()), CZECH));
        return List.copyOf(codelists);
    }
}
