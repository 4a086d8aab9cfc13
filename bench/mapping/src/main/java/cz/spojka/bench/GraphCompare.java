package cz.spojka.bench;

import cz.spojka.mapping.CanonicalForm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/** Compares two engines' outputs: raw counts, isomorphism, and equality after normalising blank nodes. */
final class GraphCompare {

    static final List<String> ENTITY_CLASSES = List.of(
            "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/úřední-deska",
            "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce");

    private GraphCompare() {}

    /** RDF4J statements → Jena triples; a blank node keeps its label, so one mapping run stays one graph. */
    static final class Rdf4jToJena {
        private final Map<String, Node> blanks = new HashMap<>();

        Triple triple(Statement st) {
            return Triple.create(node(st.getSubject()), node(st.getPredicate()), node(st.getObject()));
        }

        Node node(Value value) {
            if (value instanceof IRI iri) {
                return NodeFactory.createURI(iri.stringValue());
            }
            if (value instanceof BNode b) {
                return blanks.computeIfAbsent(b.getID(), NodeFactory::createBlankNode);
            }
            Literal literal = (Literal) value;
            if (literal.getLanguage().isPresent()) {
                return NodeFactory.createLiteralLang(literal.getLabel(), literal.getLanguage().get());
            }
            return NodeFactory.createLiteralDT(literal.getLabel(),
                    TypeMapper.getInstance().getSafeTypeByName(literal.getDatatype().stringValue()));
        }
    }

    /** Replaces every blank node by an IRI hashing its content (its canonical description), merging equal copies. */
    static Graph normalise(Graph graph) {
        Map<Node, Node> skolem = new HashMap<>();
        Graph result = GraphFactory.createDefaultGraph();
        graph.find().forEachRemaining(t -> result.add(Triple.create(skolemise(graph, t.getSubject(), skolem),
                t.getPredicate(), skolemise(graph, t.getObject(), skolem))));
        return result;
    }

    private static Node skolemise(Graph graph, Node node, Map<Node, Node> skolem) {
        if (!node.isBlank()) {
            return node;
        }
        return skolem.computeIfAbsent(node, b -> NodeFactory.createURI(
                "urn:blank:" + CanonicalForm.sha256(CanonicalForm.of(graph, b)).substring(0, 16)));
    }

    static Map<String, Integer> predicateCounts(Graph graph) {
        Map<String, Integer> counts = new TreeMap<>();
        graph.find().forEachRemaining(t -> counts.merge(t.getPredicate().getURI(), 1, Integer::sum));
        return counts;
    }

    /** Entity IRIs (boards and notices) and their canonical descriptions, as the hub's change detection sees them. */
    static Map<String, String> entities(Graph graph) {
        Map<String, String> result = new TreeMap<>();
        for (String cls : ENTITY_CLASSES) {
            graph.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(cls)).forEachRemaining(t -> {
                if (t.getSubject().isURI()) {
                    result.put(t.getSubject().getURI(), CanonicalForm.of(graph, t.getSubject()));
                }
            });
        }
        return result;
    }

    /** Prints the comparison; returns true when the normalised graphs and all entity descriptions are equal. */
    static boolean report(String nameA, Graph a, String nameB, Graph b) {
        System.out.printf("%n== output: %s vs %s%n", nameA, nameB);
        System.out.printf("raw triples        %8d vs %8d%n", a.size(), b.size());
        System.out.printf("blank nodes        %8d vs %8d%n", blankCount(a), blankCount(b));
        boolean isomorphic = a.isIsomorphicWith(b);
        System.out.printf("isomorphic (raw)   %s%n", isomorphic);
        Map<String, Integer> pa = predicateCounts(a);
        Map<String, Integer> pb = predicateCounts(b);
        Set<String> predicates = new TreeSet<>(pa.keySet());
        predicates.addAll(pb.keySet());
        for (String p : predicates) {
            int x = pa.getOrDefault(p, 0);
            int y = pb.getOrDefault(p, 0);
            System.out.printf("  %-90s %6d %6d%s%n", p, x, y, x == y ? "" : "   <-- differs");
        }
        Graph na = normalise(a);
        Graph nb = normalise(b);
        List<String> onlyA = difference(na, nb);
        List<String> onlyB = difference(nb, na);
        System.out.printf("after normalising blank nodes: %d vs %d triples, isomorphic %s, only in %s: %d, only in %s: %d%n",
                na.size(), nb.size(), na.isIsomorphicWith(nb), nameA, onlyA.size(), nameB, onlyB.size());
        onlyA.stream().limit(5).forEach(s -> System.out.println("  < " + s));
        onlyB.stream().limit(5).forEach(s -> System.out.println("  > " + s));
        Map<String, String> ea = entities(a);
        Map<String, String> eb = entities(b);
        Set<String> iris = new TreeSet<>(ea.keySet());
        iris.addAll(eb.keySet());
        int same = 0;
        List<String> different = new ArrayList<>();
        for (String iri : iris) {
            if (ea.containsKey(iri) && ea.get(iri).equals(eb.get(iri))) {
                same++;
            } else {
                different.add(iri);
            }
        }
        System.out.printf("entities (canonical form, as change detection hashes them): %d vs %d, equal %d, different %d%n",
                ea.size(), eb.size(), same, different.size());
        different.stream().limit(3).forEach(iri -> System.out.printf("  %s%n  < %s%n  > %s%n", iri,
                ea.get(iri), eb.get(iri)));
        return onlyA.isEmpty() && onlyB.isEmpty() && different.isEmpty();
    }

    private static long blankCount(Graph g) {
        Set<Node> blanks = new java.util.HashSet<>();
        g.find().forEachRemaining(t -> {
            if (t.getSubject().isBlank()) {
                blanks.add(t.getSubject());
            }
            if (t.getObject().isBlank()) {
                blanks.add(t.getObject());
            }
        });
        return blanks.size();
    }

    private static List<String> difference(Graph x, Graph y) {
        List<String> result = new ArrayList<>();
        x.find().forEachRemaining(t -> {
            if (!y.contains(t)) {
                result.add(NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " "
                        + NodeFmtLib.strNT(t.getObject()));
            }
        });
        result.sort(null);
        return result;
    }
}
