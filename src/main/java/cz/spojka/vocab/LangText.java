package cz.spojka.vocab;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * The Czech and the English values of one annotation of a term or shape (its labels, definitions, names), each value
 * once, in the order the files give them. A term several files describe may carry several of either.
 */
record LangText(List<String> cs, List<String> en) {

    static final LangText NONE = new LangText(List.of(), List.of());

    /** The values of {@code property} of {@code subject} in all of {@code graphs}, in Czech and in English. */
    static LangText of(Iterable<Graph> graphs, Node subject, Node property) {
        Set<String> cs = new LinkedHashSet<>();
        Set<String> en = new LinkedHashSet<>();
        for (Graph graph : graphs) {
            graph.find(subject, property, Node.ANY).forEachRemaining(t -> {
                Node value = t.getObject();
                if (value.isLiteral()) {
                    switch (value.getLiteralLanguage()) {
                        case "cs" -> cs.add(value.getLiteralLexicalForm());
                        case "en" -> en.add(value.getLiteralLexicalForm());
                        default -> {
                            // Only the page's two languages are shown; the RDF view keeps every value.
                        }
                    }
                }
            });
        }
        return new LangText(List.copyOf(cs), List.copyOf(en));
    }

    static LangText of(Graph graph, Node subject, Node property) {
        return of(List.of(graph), subject, property);
    }

    /** The first Czech value, else the first English one, else {@code fallback}: what a list is sorted by. */
    String sortKey(String fallback) {
        return !cs.isEmpty() ? cs.get(0) : !en.isEmpty() ? en.get(0) : fallback;
    }
}
