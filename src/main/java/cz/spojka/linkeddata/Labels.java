package cz.spojka.linkeddata;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;

/** The labels of one IRI: Czech, English and those without a language (or in another one), each once. */
final class Labels {

    private final List<String> cs = new ArrayList<>();
    private final List<String> en = new ArrayList<>();
    private final List<String> other = new ArrayList<>();

    /** Adds a label; a value that is not a literal is ignored. */
    Labels add(Node label) {
        if (!label.isLiteral()) {
            return this;
        }
        String text = label.getLiteralLexicalForm();
        List<String> into = switch (label.getLiteralLanguage().toLowerCase()) {
            case "cs" -> cs;
            case "en" -> en;
            default -> other;
        };
        if (!into.contains(text)) {
            into.add(text);
        }
        return this;
    }

    /** The label to show first: Czech, else one without a language, else English; {@code fallback} for none. */
    String best(String fallback) {
        return !cs.isEmpty() ? cs.get(0) : !other.isEmpty() ? other.get(0) : !en.isEmpty() ? en.get(0) : fallback;
    }

    /** The English label shown beside a Czech one, or null when there is none or it is the one shown first. */
    String english() {
        return en.isEmpty() || (cs.isEmpty() && other.isEmpty()) ? null : en.get(0);
    }

    boolean isEmpty() {
        return cs.isEmpty() && en.isEmpty() && other.isEmpty();
    }
}
