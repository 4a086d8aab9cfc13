package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.access.DataClassification;
import cz.spojka.privacy.Classification;
import cz.spojka.privacy.DatasetPrivacy;
import cz.spojka.privacy.PrivacyPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The connector validator: every problem of a connector, each naming file, line, field and allowed values. */
class ConnectorLoaderTest {

    private static final Path FIXTURES = Path.of("src/test/resources/cz/spojka/connector/connectors");
    private ConnectorLoader.Result result;

    @BeforeEach
    void loadFixtures() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("test.agenda-url", "http://agenda.test")));
        ConnectorLoader loader = new ConnectorLoader(
                RouteTemplates.read(Path.of("routes")), environment::resolveRequiredPlaceholders, false);
        result = loader.loadAll(FIXTURES);
    }

    @Test
    void loadsAValidConnectorWithDefaultsAndResolvedPlaceholders() {
        assertThat(result.loaded()).hasSize(1);
        ConnectorDefinition valid = result.loaded().get(0);
        assertThat(valid.id()).isEqualTo("valid");
        assertThat(valid.parameters())
                .containsEntry("url", "http://agenda.test/notices.json")
                .containsEntry("timeoutMillis", "30000");
        assertThat(valid.schedule().interval()).hasMinutes(15);
        assertThat(valid.completeSnapshots()).isTrue();
        assertThat(valid.dataset().graphIri("http://hub.test/"))
                .isEqualTo("http://hub.test/graph/uredni-deska/00270211");
        assertThat(valid.mapping().context()).isEqualTo("{\"@vocab\":\"https://example.org/source#\"}");
    }

    @Test
    void reportsEveryProblemOfABrokenConnectorAtOnce() {
        Path yaml = FIXTURES.resolve("broken/connector.yaml");
        Path mapping = FIXTURES.resolve("broken/mapping.yaml");
        assertThat(messages("broken"))
                .containsExactly(
                        yaml + ":8: connector 'broken', field 'colour': unknown field; allowed fields: id, title,"
                                + " description, template, parameters, schedule, snapshot, mapping, dataset, municipalities,"
                                + " resilience",
                        yaml
                                + ":1: connector 'broken', field 'id': 'broken-connector' must equal the connector's folder"
                                + " name 'broken'",
                        yaml
                                + ":3: connector 'broken', field 'template': unknown value 'http-pol'; allowed values: "
                                + String.join(
                                        ", ",
                                        RouteTemplates.read(Path.of("routes")).ids()),
                        yaml
                                + ":6: connector 'broken', field 'schedule': 'every hour' is neither an ISO-8601 duration"
                                + " (PT15M) nor a cron expression with six fields (second minute hour day month weekday,"
                                + " e.g. '0 */15 * * * *'): Cron expression must consist of 6 fields (found 2 in"
                                + " \"every hour\")",
                        yaml + ":7: connector 'broken', field 'snapshot': unknown value 'sometimes'; allowed values:"
                                + " complete, incremental",
                        mapping
                                + ":2: connector 'broken', field 'format': unknown value 'yaml'; allowed values: jsonld,"
                                + " json, xml, csv, kxx",
                        mapping + ":3: connector 'broken', field 'recordId': 'id' is not a JSON Pointer ('/id')",
                        mapping
                                + ":5: connector 'broken', field 'entities[0].class': 'not an iri' is not an absolute IRI",
                        mapping + ":6: connector 'broken', field 'entities[0].kind': 'Notice' is not a kind name"
                                + " (lower-case letters, digits, '-')",
                        mapping + ":9: connector 'broken', field 'construct': is not a valid SPARQL CONSTRUCT query: ",
                        yaml
                                + ":10: connector 'broken', field 'dataset.id': 'Úřední deska' is not a dataset id (lower-case"
                                + " letters, digits, '-')",
                        yaml
                                + ":15: connector 'broken', field 'dataset.municipality.ico': '00270212' fails the IČO check"
                                + " digit",
                        yaml + ":16: connector 'broken', field 'dataset.municipality.ruian': '57116' is not a RÚIAN"
                                + " municipality code (6 digits, quoted)",
                        yaml + ":11: connector 'broken', field 'dataset.title.en': is required");
    }

    @Test
    void namesTheMissingMappingTheUndefinedPropertyAndTheMisspelledParameter() {
        Path yaml = FIXTURES.resolve("no-mapping/connector.yaml");
        assertThat(messages("no-mapping"))
                .containsExactly(
                        yaml
                                + ":6: connector 'no-mapping', field 'parameters.acept': unknown field; allowed fields: url,"
                                + " accept, timeoutMillis, maxBytes, pagination, pageParam, pageStart, pageSizeParam, pageSize,"
                                + " nextLinkPointer, maxPages, sinceParam, sinceFrom, sinceHeader, sincePointer,"
                                + " conditional, auth, username, password, apiKeyHeader, apiKey, tokenUrl, clientId,"
                                + " clientSecret, scope",
                        yaml + ":5: connector 'no-mapping', field 'parameters.url': has a placeholder that no property"
                                + " defines: Could not resolve placeholder 'undefined.property' in value"
                                + " \"${undefined.property}/notices.json\"",
                        yaml + ":7: connector 'no-mapping', field 'mapping': file 'missing.yaml' does not exist in "
                                + FIXTURES.resolve("no-mapping"));
    }

    @Test
    void checksValuesByTypeAndAllowedValuesFilesRefusesLiteralSecretsAndSchedulesOfPushedTemplates()
            throws IOException {
        ConnectorLoader loader = new ConnectorLoader(
                RouteTemplates.read(Path.of("src/test/resources/cz/spojka/connector/routes")), text -> text, false);
        Path typed = Path.of("src/test/resources/cz/spojka/connector/connectors-typed");
        Path yaml = typed.resolve("typed/connector.yaml");
        assertThat(loader.loadAll(typed).skipped().get("typed").stream()
                        .map(ConfigProblem::toString)
                        .toList())
                .containsExactly(
                        yaml + ":5: connector 'typed', field 'parameters.apiKey': is a secret: give it as a ${PROPERTY}"
                                + " placeholder (an environment variable or a property), never written out in"
                                + " connector.yaml",
                        yaml + ":6: connector 'typed', field 'parameters.mode': 'reckless' is not allowed; allowed"
                                + " values: fast, safe",
                        yaml + ":7: connector 'typed', field 'parameters.count': 'many' is not a whole number",
                        yaml + ":8: connector 'typed', field 'parameters.schema': file 'missing.schema.json' does not"
                                + " exist in " + typed.resolve("typed"),
                        yaml + ":9: connector 'typed', field 'schedule': the template is pushed to by the source, so"
                                + " the connector has no schedule");
    }

    @Test
    void theResilienceBlockDefaultsToThreeRetriesFiveFailuresThreeIntervalsAndHalfTheDatasetAndChecksEveryValue()
            throws IOException {
        Resilience defaults = result.loaded().get(0).resilience();
        assertThat(defaults)
                .isEqualTo(new Resilience(
                        3,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(30),
                        5,
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(45),
                        50));
        assertThat(defaults.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.backoff(9)).isEqualTo(Duration.ofSeconds(30));

        Path fixtures = Path.of("src/test/resources/cz/spojka/connector/connectors-resilience");
        ConnectorLoader.Result loaded =
                new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false).loadAll(fixtures);
        assertThat(loaded.loaded()).extracting(ConnectorDefinition::id).containsExactly("resilience-set");
        assertThat(loaded.loaded().get(0).resilience())
                .isEqualTo(new Resilience(
                        5,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(4),
                        2,
                        Duration.ofMinutes(1),
                        Duration.ofHours(2),
                        20));
        Path yaml = fixtures.resolve("resilience-wrong/connector.yaml");
        assertThat(loaded.skipped().get("resilience-wrong").stream().map(ConfigProblem::toString))
                .containsExactly(
                        yaml + ":34: connector 'resilience-wrong', field 'resilience.timeout': unknown field; allowed"
                                + " fields: retries, retryBackoff, retryBackoffMax, breakerFailures, breakerWait,"
                                + " staleAfter, maxDeletionShare",
                        yaml + ":28: connector 'resilience-wrong', field 'resilience.retries': 'many' is not a whole"
                                + " number from 0 to 10",
                        yaml + ":30: connector 'resilience-wrong', field 'resilience.retryBackoffMax': 'PT5S' is"
                                + " shorter than retryBackoff 'PT10S'",
                        yaml + ":31: connector 'resilience-wrong', field 'resilience.breakerFailures': '0' is not a"
                                + " whole number from 1 to 1000",
                        yaml + ":32: connector 'resilience-wrong', field 'resilience.breakerWait': '15 minutes' is not"
                                + " an ISO-8601 duration (e.g. PT2S, PT15M, PT3H)",
                        yaml + ":33: connector 'resilience-wrong', field 'resilience.staleAfter': 'PT0S' is shorter"
                                + " than the minimum PT1S",
                        yaml + ":35: connector 'resilience-wrong', field 'resilience.maxDeletionShare': '150%' is not a"
                                + " whole percentage from 0% to 100% (e.g. 50%)");
    }

    @Test
    void oneConnectorServesManyMunicipalitiesEachWithItsOwnIdGraphAndParameters() throws IOException {
        ConnectorLoader.Result many = manyMunicipalities();
        ConnectorDefinition inline = many.loaded().stream()
                .filter(c -> c.id().equals("many"))
                .findFirst()
                .orElseThrow();
        List<ConnectorDefinition> instances = inline.instances();
        assertThat(instances).extracting(ConnectorDefinition::id).containsExactly("many--00270211", "many--00299308");
        assertThat(instances.get(0).parameters().get("url"))
                .isEqualTo("http://agenda.test/desky/97/documents.xml?ico=00270211");
        assertThat(instances.get(1).dataset().graphIri("http://hub.test/"))
                .isEqualTo("http://hub.test/graph/uredni-deska/00299308");
        assertThat(instances.get(1).dataset().ruian()).isEqualTo("500496");
        assertThat(instances.get(1).title()).isEqualTo("Notice boards of two municipalities – Město Olomouc");
        assertThat(instances.get(1).schedule().interval()).hasMinutes(15);

        ConnectorDefinition fromFile = many.loaded().stream()
                .filter(c -> c.id().equals("many-file"))
                .findFirst()
                .orElseThrow();
        assertThat(fromFile.instances())
                .extracting(c -> c.parameters().get("url"))
                .containsExactly(
                        "http://agenda.test/desky/1.xml",
                        "http://agenda.test/desky/2.xml",
                        "http://agenda.test/desky/3.xml");
    }

    @Test
    void reportsEveryBadMunicipalityRow() throws IOException {
        Path yaml = Path.of("src/test/resources/cz/spojka/connector/connectors-many/many-broken/connector.yaml");
        assertThat(manyMunicipalities().skipped().get("many-broken").stream()
                        .map(ConfigProblem::toString)
                        .toList())
                .containsExactly(
                        yaml + ":9: connector 'many-broken', field 'municipalities[1].ico': in municipalities: IČO"
                                + " 00270211 is listed twice",
                        yaml + ":10: connector 'many-broken', field 'municipalities[2].ico': in municipalities:"
                                + " '12345678' is not a valid IČO",
                        yaml + ":10: connector 'many-broken', field 'municipalities[2].ruian': in municipalities:"
                                + " '5711' is not a RÚIAN municipality code (6 digits)",
                        yaml + ":11: connector 'many-broken', field 'municipalities[3].name': in municipalities: is"
                                + " required",
                        yaml + ":17: connector 'many-broken', field 'dataset.municipality': the connector lists its"
                                + " municipalities; give them only there");
    }

    @Test
    void checksTheDatasetsPrivacyDeclaration() throws IOException {
        Path fixtures = Path.of("src/test/resources/cz/spojka/connector/connectors-privacy");
        ConnectorLoader.Result withoutKey =
                new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false).loadAll(fixtures);
        Map<String, List<String>> problems = new java.util.TreeMap<>();
        withoutKey
                .skipped()
                .forEach((id, list) -> problems.put(
                        id, list.stream().map(ConfigProblem::toString).toList()));
        assertThat(withoutKey.loaded()).isEmpty();
        assertThat(problems)
                .containsOnlyKeys(
                        "privacy-missing", "privacy-wrong", "privacy-publish-personal", "privacy-pseudonymise");
        Path missing = fixtures.resolve("privacy-missing/connector.yaml");
        assertThat(problems.get("privacy-missing"))
                .containsExactly(
                        missing
                                + ":6: connector 'privacy-missing', field 'dataset.privacy.classification': is required;"
                                + " allowed values: public, personal",
                        missing + ":6: connector 'privacy-missing', field 'dataset.privacy.policy': is required;"
                                + " allowed values: publish, redact, pseudonymise, hold");
        Path wrong = fixtures.resolve("privacy-wrong/connector.yaml");
        assertThat(problems.get("privacy-wrong"))
                .containsExactly(
                        wrong + ":18: connector 'privacy-wrong', field 'dataset.privacy.retention': unknown field;"
                                + " allowed fields: classification, policy",
                        wrong + ":16: connector 'privacy-wrong', field 'dataset.privacy.classification': unknown value"
                                + " 'secret'; allowed values: public, personal",
                        wrong + ":17: connector 'privacy-wrong', field 'dataset.privacy.policy': unknown value"
                                + " 'delete'; allowed values: publish, redact, pseudonymise, hold",
                        wrong + ":19: connector 'privacy-wrong', field 'dataset.classification': unknown value"
                                + " 'personal'; allowed values: public, restricted, internal");
        assertThat(problems.get("privacy-publish-personal"))
                .containsExactly(fixtures.resolve("privacy-publish-personal/connector.yaml")
                        + ":17: connector 'privacy-publish-personal', field 'dataset.privacy.policy': 'publish' would"
                        + " publish the personal data of a dataset classified 'personal'; allowed values for it:"
                        + " redact, pseudonymise, hold");
        assertThat(problems.get("privacy-pseudonymise"))
                .containsExactly(fixtures.resolve("privacy-pseudonymise/connector.yaml")
                        + ":17: connector 'privacy-pseudonymise', field 'dataset.privacy.policy': 'pseudonymise' needs"
                        + " the key spojka.privacy.pseudonym-key (at least 32 characters, given as an environment"
                        + " variable such as SPOJKA_PRIVACY_PSEUDONYMKEY), which is not set");

        ConnectorLoader.Result withKey =
                new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, true).loadAll(fixtures);
        assertThat(withKey.loaded()).singleElement().satisfies(c -> {
            assertThat(c.dataset().privacy())
                    .isEqualTo(new DatasetPrivacy(Classification.PERSONAL, PrivacyPolicy.PSEUDONYMISE));
            assertThat(c.dataset().classification()).isEqualTo(DataClassification.PUBLIC);
        });
    }

    private static ConnectorLoader.Result manyMunicipalities() throws IOException {
        return new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false)
                .loadAll(Path.of("src/test/resources/cz/spojka/connector/connectors-many"));
    }

    private List<String> messages(String connector) {
        return result.skipped().get(connector).stream()
                .map(ConfigProblem::toString)
                .map(m -> m.contains("CONSTRUCT query: ") ? m.substring(0, m.indexOf("query: ") + 7) : m)
                .toList();
    }
}
