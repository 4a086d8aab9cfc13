package cz.spojka.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/** Runs a SELECT that must give exactly one row over a dry run's graph. */
final class SelectRow {

    private SelectRow() {}

    /** Each variable's value as text (an IRI, or a literal's lexical form), or null when unbound. */
    static List<String> of(Graph graph, String select) {
        try (QueryExec exec = QueryExec.graph(graph).query(select).build()) {
            RowSet rows = exec.select();
            assertThat(rows.hasNext()).as("no row").isTrue();
            Binding row = rows.next();
            assertThat(rows.hasNext()).as("more than one row").isFalse();
            return rows.getResultVars().stream()
                    .map(row::get)
                    .map(SelectRow::text)
                    .toList();
        }
    }

    private static String text(Node node) {
        return node == null ? null : node.isURI() ? node.getURI() : node.getLiteralLexicalForm();
    }
}
