package cz.spojka.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The canonical text of an entity: its triples as sorted N-Triples lines, each blank node written as the sorted
 * description of its own triples. Entities are trees below their IRI (blank nodes describe dates, documents,
 * amounts), so this is canonical without general blank-node labelling: the same content always hashes the same,
 * whatever order or blank-node labels the source produced.
 */
public final class CanonicalForm {

    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();

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
        StringBuilder line = new StringBuilder();
        term(line, t.getPredicate());
        line.append(' ');
        Node object = t.getObject();
        if (!object.isBlank()) {
            term(line, object);
        } else if (path.contains(object)) {
            line.append("[cycle]");
        } else {
            line.append("[ ").append(describe(graph, object, path)).append(" ]");
        }
        return line.toString();
    }

    /**
     * An IRI or literal in N-Triples syntax, escaping only what keeps the text unambiguous ({@code \ " \n \r}).
     * Hashes are stored on the change log, so this form must never change.
     */
    private static void term(StringBuilder out, Node node) {
        if (node.isURI()) {
            out.append('<').append(node.getURI()).append('>');
            return;
        }
        out.append('"');
        String lexical = node.getLiteralLexicalForm();
        for (int i = 0; i < lexical.length(); i++) {
            char c = lexical.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        out.append('"');
        String language = node.getLiteralLanguage();
        if (language != null && !language.isEmpty()) {
            out.append('@').append(language);
        } else if (!XSD_STRING.equals(node.getLiteralDatatypeURI())) {
            out.append("^^<").append(node.getLiteralDatatypeURI()).append('>');
        }
    }
}
