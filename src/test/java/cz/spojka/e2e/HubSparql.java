package cz.spojka.e2e;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.springframework.context.ConfigurableApplicationContext;

/** A test hub's {@code /sparql} endpoint, asked over HTTP as an open-data consumer asks it. */
final class HubSparql {

    private final String url;
    private final String prefixes;

    private HubSparql(String url, String prefixes) {
        this.url = url;
        this.prefixes = prefixes;
    }

    /** The endpoint of the hub listening on {@code port}. */
    static HubSparql at(int port) {
        return new HubSparql("http://localhost:" + port + "/sparql", "");
    }

    /** The endpoint of a hub the test started itself. */
    static HubSparql of(ConfigurableApplicationContext hub) {
        return at(Integer.parseInt(hub.getEnvironment().getRequiredProperty("local.server.port")));
    }

    /** The same endpoint, every query preceded by {@code prefixDeclarations}. */
    HubSparql withPrefixes(String prefixDeclarations) {
        return new HubSparql(url, prefixDeclarations);
    }

    String url() {
        return url;
    }

    /** How many solutions {@code whereClause} has. */
    long count(String whereClause) {
        return Long.parseLong(select("SELECT (COUNT(*) AS ?count) WHERE { " + whereClause + " }")
                .get(0));
    }

    boolean ask(String query) {
        try (QueryExecHTTP exec =
                QueryExecHTTP.service(url).query(prefixes + query).build()) {
            return exec.ask();
        }
    }

    /** The solutions of a SELECT {@code query}, in their order. */
    List<Binding> rows(String query) {
        try (QueryExecHTTP exec =
                QueryExecHTTP.service(url).query(prefixes + query).build()) {
            List<Binding> rows = new ArrayList<>();
            exec.select().forEachRemaining(rows::add);
            return rows;
        }
    }

    /** The values of the first variable of a SELECT {@code query}, in the order of its solutions. */
    List<String> select(String query) {
        try (QueryExecHTTP exec =
                QueryExecHTTP.service(url).query(prefixes + query).build()) {
            List<String> values = new ArrayList<>();
            exec.select()
                    .forEachRemaining(
                            row -> values.add(row.get(row.vars().next()).getLiteralLexicalForm()));
            return values;
        }
    }
}
