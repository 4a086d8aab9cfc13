package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import cz.spojka.access.DataClassification;
import cz.spojka.access.GraphAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every example query of the query UI ({@code vocab/queries/}, as {@code /query-ui/examples.json} serves them) run
 * against the demo hub: each finds something, so an example that a change of the data or the vocabulary broke fails
 * here rather than in front of a user.
 */
class QueryExamplesIT extends DemoHubIT {

    @Autowired
    GraphAccess access;

    @Test
    void theUiServesEveryExampleFile() throws Exception {
        List<String> files;
        try (Stream<Path> queries = Files.list(Path.of("vocab", "queries"))) {
            files = queries.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".rq"))
                    .map(name -> name.substring(0, name.length() - ".rq".length()))
                    .sorted()
                    .toList();
        }

        assertThat(ids(api().get("/query-ui/examples.json"))).isEqualTo(files);
    }

    /**
     * Run anonymously, as the query UI runs them for a visitor: an example that reads a public dataset (or none: the
     * vocabulary, the reference data, the catalogue) finds something; an example that reads only restricted or
     * internal datasets ({@code @datasets}) finds nothing, as the public may not read them.
     */
    @Test
    void everyExampleQueryFindsWhatTheAnonymousPublicMayRead() throws Exception {
        Map<String, Integer> rows = new TreeMap<>();
        Map<String, Integer> hidden = new TreeMap<>();
        for (JsonNode example : api().get("/query-ui/examples.json")) {
            int count = sparql().rows(example.get("query").asText()).size();
            (readsOnlyNonPublicData(example) ? hidden : rows)
                    .put(example.get("id").asText(), count);
        }

        assertThat(rows).isNotEmpty();
        assertThat(rows)
                .allSatisfy((id, count) ->
                        assertThat(count).as("rows of the example " + id).isPositive());
        assertThat(hidden).isEqualTo(Map.of("sensors-parking", 0, "sensors-waste-containers", 0));
    }

    /** The hub's administrator (as any operator) reads every dataset: then every example finds something. */
    @Test
    void everyExampleQueryFindsSomethingForTheAdministrator() throws Exception {
        Map<String, Integer> rows = new TreeMap<>();
        for (JsonNode example : api().get("/query-ui/examples.json")) {
            try (QueryExecHTTP exec = QueryExecHTTP.service(sparql().url())
                    .query(example.get("query").asText())
                    .httpHeader("X-Api-Key", "demo-admin")
                    .build()) {
                rows.put(example.get("id").asText(), (int)
                        exec.select().rewindable().size());
            }
        }

        assertThat(rows).containsKeys("sensors-parking", "sensors-waste-containers");
        assertThat(rows)
                .allSatisfy((id, count) ->
                        assertThat(count).as("rows of the example " + id).isPositive());
    }

    private boolean readsOnlyNonPublicData(JsonNode example) {
        List<String> datasets = new ArrayList<>();
        example.get("datasets").forEach(dataset -> datasets.add(dataset.asText()));
        return !datasets.isEmpty()
                && datasets.stream().allMatch(dataset -> access.classification(dataset) != DataClassification.PUBLIC);
    }

    @Test
    void thePrefixesTheEditorCompletesAreThoseOfTheExamples() throws Exception {
        JsonNode prefixes = api().get("/query-ui/prefixes.json");

        assertThat(prefixes.get("desky").asText()).isEqualTo("https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/");
        assertThat(prefixes.get("sosa").asText()).isEqualTo("http://www.w3.org/ns/sosa/");
        assertThat(prefixes.get("text").asText()).isEqualTo("http://jena.apache.org/text#");
    }

    private static List<String> ids(JsonNode examples) {
        List<String> ids = new ArrayList<>();
        examples.forEach(example -> ids.add(example.get("id").asText()));
        return ids;
    }
}
