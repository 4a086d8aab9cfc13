package cz.spojka.vocab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;

/**
 * The SHACL shapes of {@code vocab/shapes} as the vocabulary page shows them: every node shape with the terms it
 * targets and its rules, each rule with the terms it constrains (the IRIs of its path and its {@code sh:class}).
 */
final class ShapeIndex {

    /**
     * A node shape.
     *
     * @param targets the classes it targets ({@code sh:targetClass}) and the properties whose subjects or objects it
     *     targets ({@code sh:targetSubjectsOf}, {@code sh:targetObjectsOf})
     * @param constrains the terms the node shape constrains itself, without a rule ({@code sh:class})
     */
    record Shape(
            String iri,
            LangText names,
            LangText descriptions,
            Set<String> targets,
            Set<String> constrains,
            List<Rule> rules) {}

    /**
     * A property shape of a node shape.
     *
     * @param iri its IRI, {@code null} for a blank node written inside its node shape
     * @param terms the IRIs of its path and of its {@code sh:class}
     */
    record Rule(String iri, LangText names, Set<String> terms) {}

    /** How a shape relates to one term: it targets it, or one of its rules (or the shape itself) constrains it. */
    record Use(Shape shape, boolean targets, List<Rule> rules) {}

    private static final List<Node> TARGETS = List.of(SHACL.targetClass, SHACL.targetSubjectsOf, SHACL.targetObjectsOf);

    private final List<Shape> shapes;

    private ShapeIndex(List<Shape> shapes) {
        this.shapes = shapes;
    }

    static ShapeIndex of(Collection<Graph> graphs) {
        List<Shape> shapes = new ArrayList<>();
        for (Graph graph : graphs) {
            graph.find(Node.ANY, RDF.type.asNode(), SHACL.NodeShape).forEachRemaining(t -> {
                Node shape = t.getSubject();
                if (shape.isURI()) {
                    shapes.add(shape(graph, shape));
                }
            });
        }
        shapes.sort(Comparator.comparing((Shape s) -> s.names().sortKey(s.iri()), VocabularyCatalogue.CZECH));
        return new ShapeIndex(List.copyOf(shapes));
    }

    List<Shape> shapes() {
        return shapes;
    }

    /** The shapes that target or constrain {@code term}. */
    List<Use> usesOf(String term) {
        List<Use> uses = new ArrayList<>();
        for (Shape shape : shapes) {
            List<Rule> rules =
                    shape.rules().stream().filter(r -> r.terms().contains(term)).toList();
            boolean targets = shape.targets().contains(term);
            if (targets || !rules.isEmpty() || shape.constrains().contains(term)) {
                uses.add(new Use(shape, targets, rules));
            }
        }
        return uses;
    }

    private static Shape shape(Graph graph, Node shape) {
        Set<String> targets = new LinkedHashSet<>();
        for (Node target : TARGETS) {
            graph.find(shape, target, Node.ANY).forEachRemaining(t -> addIri(t.getObject(), targets));
        }
        Set<String> constrains = new LinkedHashSet<>();
        graph.find(shape, SHACL.class_, Node.ANY).forEachRemaining(t -> addIri(t.getObject(), constrains));
        List<Rule> rules = new ArrayList<>();
        graph.find(shape, SHACL.property, Node.ANY).forEachRemaining(t -> {
            Node rule = t.getObject();
            Set<String> terms = new LinkedHashSet<>();
            graph.find(rule, SHACL.path, Node.ANY).forEachRemaining(p -> pathTerms(graph, p.getObject(), terms));
            graph.find(rule, SHACL.class_, Node.ANY).forEachRemaining(c -> addIri(c.getObject(), terms));
            rules.add(new Rule(rule.isURI() ? rule.getURI() : null, LangText.of(graph, rule, SHACL.name), terms));
        });
        rules.sort(Comparator.comparing((Rule r) -> r.names().sortKey(""), VocabularyCatalogue.CZECH));
        return new Shape(
                shape.getURI(),
                LangText.of(graph, shape, SHACL.name),
                LangText.of(graph, shape, SHACL.description),
                targets,
                constrains,
                List.copyOf(rules));
    }

    /** The IRIs of a SHACL path: a predicate, a sequence (an RDF list) or an inverse, alternative or repeated path. */
    private static void pathTerms(Graph graph, Node path, Set<String> terms) {
        if (path.isURI()) {
            terms.add(path.getURI());
            return;
        }
        graph.find(path, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (!t.getPredicate().equals(RDF.rest.asNode()) || !t.getObject().equals(RDF.nil.asNode())) {
                pathTerms(graph, t.getObject(), terms);
            }
        });
    }

    private static void addIri(Node node, Set<String> iris) {
        if (node.isURI()) {
            iris.add(node.getURI());
        }
    }
}
