package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dataset.catalog} of connector.yaml: what the catalogue says of a dataset, every missing or wrong field a
 * problem naming it, the update frequency derived from the schedule where it is not declared, and whether the data
 * holds personal data derived from the dataset's privacy declaration.
 */
class CatalogEntryReaderTest {

    private static final String CONNECTOR = """
            id: deska
            title: Úřední deska
            template: %s
            parameters:
            %s
            dataset:
              id: uredni-deska
              title:
                cs: Úřední deska města
                en: The town's notice board
              description:
                cs: Dokumenty úřední desky města Chrudim.
                en: The documents of the notice board of Chrudim.
              municipality:
                name: Město Chrudim
                ico: "00270211"
                ruian: "571164"
              privacy:
                classification: personal
                policy: %s
            """;
    private static final String POLLED = "  url: http://agenda.test/deska.json\n";
    private static final String TERMS = """
                termsOfUse:
                  copyrightedWork: none
                  copyrightedDatabase: none
                  specialDatabaseRights: none
            """;

    @TempDir
    Path connectors;

    @Test
    void readsTheRecordAndDerivesTheFrequencyFromTheSchedule() throws IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        CatalogEntry entry = load("http-poll", POLLED + "schedule: PT15M", "pseudonymise", """
                          catalog:
                            themes: [GOVE, REGI]
                            keywords:
                              cs: [úřední deska, vyhlášky]
                              en: [notice board]
                            contactPoint:
                              email: podatelna@chrudim-city.cz
                              name: {cs: Podatelna, en: Registry office}
                            documentation: https://www.chrudim.eu/
                        """ + TERMS, problems)
                .dataset()
                .catalog();

        assertThat(problems).isEmpty();
        assertThat(entry.themes()).containsExactly(DataTheme.GOVE, DataTheme.REGI);
        assertThat(entry.keywordsCs()).containsExactly("úřední deska", "vyhlášky");
        assertThat(entry.keywordsEn()).containsExactly("notice board");
        assertThat(entry.frequency().iri())
                .isEqualTo("http://publications.europa.eu/resource/authority/frequency/15MIN");
        assertThat(entry.frequencyDeclared()).isFalse();
        assertThat(entry.contactNameEn()).isEqualTo("Registry office");
        assertThat(entry.termsOfUse())
                .isEqualTo(new TermsOfUse(
                        "https://data.gov.cz/podmínky-užití/neobsahuje-autorská-díla/",
                        null,
                        "https://data.gov.cz/podmínky-užití/není-autorskoprávně-chráněnou-databází/",
                        null,
                        "https://data.gov.cz/podmínky-užití/není-chráněna-zvláštním-právem-pořizovatele-databáze/",
                        true));
        assertThat(entry.termsOfUse().personalDataIri())
                .isEqualTo("https://data.gov.cz/podmínky-užití/obsahuje-osobní-údaje/");
    }

    @Test
    void aDeclaredFrequencyWinsOverTheSchedule() throws IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        CatalogEntry entry = load(
                        "http-poll", POLLED + "schedule: P1D", "redact", minimal("    frequency: MONTHLY\n"), problems)
                .dataset()
                .catalog();

        assertThat(problems).isEmpty();
        assertThat(entry.frequency()).isEqualTo(UpdateFrequency.MONTHLY);
        assertThat(entry.frequencyDeclared()).isTrue();
        assertThat(entry.termsOfUse().personalDataIri())
                .as("redacted values are no longer personal data")
                .isEqualTo("https://data.gov.cz/podmínky-užití/neobsahuje-osobní-údaje/");
    }

    @Test
    void aMissingBlockIsOneProblem() throws IOException {
        assertThat(problems("http-poll", POLLED, ""))
                .containsExactly(yaml() + ":7: connector 'deska', field 'dataset.catalog': is required: the dataset's"
                        + " record in the hub's catalogue (themes, keywords, contactPoint, termsOfUse; see"
                        + " docs/connector-guide.md)");
    }

    @Test
    void reportsEveryWrongFieldWithTheAllowedValues() throws IOException {
        assertThat(problems("http-poll", POLLED, """
                          catalog:
                            themes: [GOVE, TOURISM]
                            keywords:
                              cs: úřední deska
                              de: [Amtstafel]
                            frequency: HOURLY_2
                            contactPoint:
                              email: podatelna at chrudim
                            documentation: www.chrudim.eu
                            termsOfUse:
                              copyrightedWork: https://creativecommons.org/licenses/by/4.0/
                              copyrightedDatabase: none
                              copyrightedDatabaseAuthors: Město Chrudim
                              specialDatabaseRights: CC0
                              personalData: true
                        """))
                .containsExactly(
                        line(26) + "field 'dataset.catalog.keywords.de': unknown field; allowed fields: cs, en",
                        line(36) + "field 'dataset.catalog.termsOfUse.personalData': unknown field; allowed fields:"
                                + " copyrightedWork, copyrightedWorkAuthors, copyrightedDatabase,"
                                + " copyrightedDatabaseAuthors, specialDatabaseRights",
                        line(29) + "field 'dataset.catalog.contactPoint.email': 'podatelna at chrudim' is not an e-mail"
                                + " address",
                        line(30) + "field 'dataset.catalog.documentation': 'www.chrudim.eu' is not an http(s)"
                                + " address",
                        line(23) + "field 'dataset.catalog.themes[1]': unknown value 'TOURISM'; allowed values: AGRI,"
                                + " ECON, EDUC, ENER, ENVI, GOVE, HEAL, INTR, JUST, OP_DATPRO, REGI, SOCI, TECH, TRAN",
                        line(25) + "field 'dataset.catalog.keywords.cs': must be a list, not 'úřední deska'",
                        line(24) + "field 'dataset.catalog.keywords.en': is required: a list of at least one keyword",
                        line(27) + "field 'dataset.catalog.frequency': unknown value 'HOURLY_2'; allowed values: "
                                + String.join(", ", UpdateFrequency.codes()),
                        line(31) + "field 'dataset.catalog.termsOfUse.copyrightedWorkAuthors': is required:"
                                + " dataset.catalog.termsOfUse.copyrightedWork is licensed"
                                + " (https://creativecommons.org/licenses/by/4.0/), and the licence names the authors",
                        line(34) + "field 'dataset.catalog.termsOfUse.copyrightedDatabaseAuthors': names authors, but"
                                + " dataset.catalog.termsOfUse.copyrightedDatabase is none",
                        line(35) + "field 'dataset.catalog.termsOfUse.specialDatabaseRights': 'CC0' is neither 'none'"
                                + " nor the IRI of a licence (e.g. https://creativecommons.org/licenses/by/4.0/)");
    }

    @Test
    void aScheduleWithoutAMatchingItemNeedsTheFrequency() throws IOException {
        assertThat(problems("http-poll", POLLED + "schedule: 0 0 6 * * *", minimal("")))
                .containsExactly(line(22) + "field 'dataset.catalog.frequency': is required: the schedule (cron 0 0 6"
                        + " * * *) is none of the intervals it follows from (PT1M, PT5M, PT10M, PT15M, PT30M, PT1H,"
                        + " PT2H, PT3H, PT12H, P1D, P7D, P14D); allowed values: "
                        + String.join(", ", UpdateFrequency.codes()));
    }

    @Test
    void aSourceThatPushesNeedsTheFrequency() throws IOException {
        assertThat(problems("file-drop", "  directory: drop", minimal("")))
                .containsExactly(line(21) + "field 'dataset.catalog.frequency': is required: the source pushes its"
                        + " data, so no schedule says how often it changes; allowed values: "
                        + String.join(", ", UpdateFrequency.codes()));
    }

    /** A valid block with the given lines before its terms of use. */
    private static String minimal(String lines) {
        return """
                  catalog:
                    themes: [GOVE]
                    keywords: {cs: [deska], en: [board]}
                    contactPoint: {email: podatelna@chrudim-city.cz}
                """ + lines + TERMS;
    }

    private String line(int line) {
        return yaml() + ":" + line + ": connector 'deska', ";
    }

    private Path yaml() {
        return connectors.resolve("deska/connector.yaml");
    }

    private List<String> problems(String template, String parameters, String catalog) throws IOException {
        List<ConfigProblem> problems = new ArrayList<>();
        load(template, parameters, "redact", catalog, problems);
        return problems.stream().map(ConfigProblem::toString).toList();
    }

    private ConnectorDefinition load(
            String template, String parameters, String policy, String catalog, List<ConfigProblem> problems)
            throws IOException {
        Path folder = Files.createDirectories(connectors.resolve("deska"));
        Files.writeString(
                folder.resolve("connector.yaml"), CONNECTOR.formatted(template, parameters, policy) + catalog);
        Files.copy(
                Path.of("src/test/resources/cz/spojka/connector/connectors/valid/mapping.yaml"),
                folder.resolve("mapping.yaml"));
        ConnectorLoader loader = new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, true);
        return loader.load(folder, problems);
    }
}
