package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code records} in mapping.yaml: one JSON Pointer, or a list of them tried in order. */
class RecordsPointersTest {

    private static final String CONNECTOR = """
            id: geo
            title: GeoJSON
            template: http-poll
            parameters:
              url: http://agenda.test/features.json
            dataset:
              id: senzory
              title:
                cs: Senzory
                en: Sensors
              description:
                cs: Senzory v Praze.
                en: Sensors in Prague.
              municipality:
                name: Hlavní město Praha
                ico: "00064581"
                ruian: "554782"
              privacy:
                classification: public
                policy: publish
              catalog:
                themes: [ENVI]
                keywords: {cs: [senzory], en: [sensors]}
                contactPoint: {email: posta@praha.eu}
                termsOfUse:
                  copyrightedWork: none
                  copyrightedDatabase: none
                  specialDatabaseRights: none
            """;
    private static final String MAPPING = """
            version: "1"
            format: json
            records: %s
            recordId: /properties/id
            context:
              "@vocab": "https://example.org/source#"
            entities:
              - class: http://www.w3.org/ns/sosa/Platform
                kind: station
            construct: |
              CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }
            """;

    @TempDir
    Path connectors;

    @Test
    void readsAListOfPointersInOrder() throws IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        ConnectorDefinition definition = load("[/features, \"\"]", problems);
        assertThat(problems).isEmpty();
        assertThat(definition.mapping().recordsPointers()).containsExactly("/features", "");
    }

    @Test
    void readsOnePointerAsAListOfOne() throws IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        assertThat(load("/features", problems).mapping().recordsPointers()).containsExactly("/features");
        assertThat(problems).isEmpty();
    }

    @Test
    void reportsEachBadPointerOfTheListWithItsLine() throws IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        load("\n  - /features\n  - features\n  - {a: b}", problems);
        Path mapping = connectors.resolve("geo/mapping.yaml");
        assertThat(problems)
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        mapping + ":5: connector 'geo', field 'records[1]': 'features' is not a JSON Pointer ('' or"
                                + " '/a/b')",
                        mapping + ":6: connector 'geo', field 'records[2]': must be a JSON Pointer ('' or '/a/b'),"
                                + " not a mapping or a list");
    }

    @Test
    void reportsAnEmptyList() throws IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        load("[]", problems);
        assertThat(problems)
                .extracting(ConfigProblem::toString)
                .containsExactly(connectors.resolve("geo/mapping.yaml")
                        + ":3: connector 'geo', field 'records': must name at least one JSON Pointer ('' or '/a/b')");
    }

    private ConnectorDefinition load(String records, List<ConfigProblem> problems) throws IOException {
        Path folder = Files.createDirectories(connectors.resolve("geo"));
        Files.writeString(folder.resolve("connector.yaml"), CONNECTOR);
        Files.writeString(folder.resolve("mapping.yaml"), MAPPING.formatted(records));
        ConnectorLoader loader = new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false);
        return loader.load(folder, problems);
    }
}
