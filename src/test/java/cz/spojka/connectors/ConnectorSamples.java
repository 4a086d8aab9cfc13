package cz.spojka.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.connector.ConnectorDryRun;
import cz.spojka.mapping.Entity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;

/**
 * Runs a connector's real mapping and SHACL gate over its real samples (or a file derived from them) and queries the
 * result.
 */
final class ConnectorSamples {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PREFIXES = """
            PREFIX sosa: <http://www.w3.org/ns/sosa/>
            PREFIX qudt: <http://qudt.org/schema/qudt/>
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX vlastnost: <https://w3id.org/spojka/číselníky/pozorované-vlastnosti/položky/>
            PREFIX nádoby: <https://slovník.gov.cz/datový/nádoby-na-tříděný-odpad/pojem/>
            """;
    private static final ConnectorDryRun DRY_RUN = ConnectorDryRun.ofRepository(Path.of(""));

    private ConnectorSamples() {}

    /** The dry run of the connector over its one bundled sample, which must load without configuration problems. */
    static ConnectorDryRun.SampleResult bundled(String connector) {
        ConnectorDryRun.Result result = DRY_RUN.test(Path.of("connectors", connector), null);
        assertThat(result.problems()).isEmpty();
        assertThat(result.samples()).hasSize(1);
        return result.samples().get(0);
    }

    /** The dry run of the connector over a body written to {@code dir}. */
    static ConnectorDryRun.SampleResult map(String connector, Path dir, JsonNode body) throws IOException {
        Path file = Files.writeString(dir.resolve("body.json"), JSON.writeValueAsString(body));
        ConnectorDryRun.Result result = DRY_RUN.test(Path.of("connectors", connector), file);
        assertThat(result.problems()).isEmpty();
        return result.samples().get(0);
    }

    static JsonNode sample(String connector, String file) throws IOException {
        return JSON.readTree(Path.of("connectors", connector, "samples", file).toFile());
    }

    /** Each entity's hash by IRI: what change detection compares. */
    static Map<String, String> hashes(List<Entity> entities) {
        Map<String, String> hashes = new TreeMap<>();
        entities.forEach(e -> hashes.put(e.iri(), e.hash()));
        return hashes;
    }

    /** The rows of a SELECT over the graph, each value as its lexical form or IRI. */
    static List<Map<String, String>> select(Graph graph, String query) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.model(ModelFactory.createModelForGraph(graph))
                .query(PREFIXES + query)
                .build()) {
            ResultSet results = execution.execSelect();
            while (results.hasNext()) {
                QuerySolution solution = results.next();
                Map<String, String> row = new TreeMap<>();
                results.getResultVars().forEach(v -> {
                    RDFNode node = solution.get(v);
                    if (node != null) {
                        row.put(v, node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString());
                    }
                });
                rows.add(row);
            }
        }
        return rows;
    }

    /** How many observations the graph holds of each observed property, by the property's codelist key. */
    static Map<String, Integer> observationsByProperty(Graph graph) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Map<String, String> row : select(graph, """
                SELECT ?property (COUNT(?observation) AS ?n) WHERE {
                  ?observation a sosa:Observation ; sosa:observedProperty ?property .
                } GROUP BY ?property
                """)) {
            String property = row.get("property");
            counts.put(property.substring(property.lastIndexOf('/') + 1), Integer.parseInt(row.get("n")));
        }
        return counts;
    }
}
