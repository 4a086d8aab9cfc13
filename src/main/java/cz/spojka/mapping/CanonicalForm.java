package cz.spojka.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * The canonical text of an entity: its triples as sorted N-Triples lines, each blank node written as the sorted
 * description of its own triples. Entities are trees below their IRI (blank nodes describe dates, documents,
 * amounts), so this is canonical without general blank-node labelling: the same content always hashes the same,
 * whatever order or blank-node labels the source produced.
 */
public final class CanonicalForm {

    private CanonicalForm() {}

    public static String of(Graph graph, Node subject) {
        return describe(graph, subject, new HashSet<>());
    }

    public static String sha256(String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String describe(Graph graph, Node subject, Set<Node> path) {
        List<String> lines = new ArrayList<>();
        path.add(subject);
        graph.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> lines.add(line(graph, t, path)));
        path.remove(subject);
        lines.sort(null);
        return String.join(subject.isBlank() ? " ; " : "\n", lines);
    }

    private static String line(Graph graph, Triple t, Set<Node> path) {
        String predicate = NodeFmtLib.strNT(t.getPredicate());
        Node object = t.getObject();
        String value;
        if (!object.isBlank()) {
            value = NodeFmtLib.strNT(object);
        } else if (path.contains(object)) {
            value = "[cycle]";
        } else {
            value = "[ " + describe(graph, object, path) + " ]";
        }
        return predicate + " " + value;
    }
}
