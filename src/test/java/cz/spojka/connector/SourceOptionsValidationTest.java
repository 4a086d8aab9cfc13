package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.mapping.MappingSpec;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How mapping.yaml reads the body — charset, csv, select, a composite recordId — with every problem named. */
class SourceOptionsValidationTest {

    private static final Path FIXTURES = Path.of("src/test/resources/cz/spojka/connector/source-options");
    private static final ConnectorLoader LOADER =
            new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false);

    @Test
    void readsACsvMappingWithoutHeaderRowAndWithACompositeId() {
        List<ConfigProblem> problems = new ArrayList<>();
        ConnectorDefinition connector = LOADER.load(FIXTURES.resolve("csv-valid"), problems);

        assertThat(problems).isEmpty();
        MappingSpec mapping = connector.mapping();
        assertThat(mapping.format()).isEqualTo(MappingSpec.SourceFormat.csv);
        assertThat(mapping.recordIdPointers()).containsExactly("/paragraf", "/polozka");
        assertThat(mapping.source().charset()).isEqualTo(Charset.forName("windows-1250"));
        assertThat(mapping.source().csv())
                .isEqualTo(new MappingSpec.Csv(';', '\'', false, List.of("paragraf", "polozka", "castka")));
        assertThat(mapping.source().select()).containsOnlyKeys("/polozka");
        assertThat(mapping.source().select().get("/polozka").pattern()).isEqualTo("[56][0-9]{3}");
    }

    @Test
    void reportsEveryProblemOfTheSourceOptions() {
        Path mapping = FIXTURES.resolve("csv-broken/mapping.yaml");
        String prefix = mapping + ":";
        assertThat(messages("csv-broken"))
                .containsExactly(
                        prefix + "3: connector 'csv-broken', field 'charset': unknown charset 'cp-1250-ish'; e.g."
                                + " UTF-8, windows-1250, ISO-8859-2",
                        prefix + "9: connector 'csv-broken', field 'csv.escape': unknown field; allowed fields:"
                                + " delimiter, quote, header, columns",
                        prefix + "5: connector 'csv-broken', field 'csv.delimiter': ';;' is not a single character"
                                + " (e.g. ',', ';' or \"\\t\" for a tab)",
                        prefix + "7: connector 'csv-broken', field 'csv.header': unknown value 'yes'; allowed values:"
                                + " true, false",
                        prefix + "8: connector 'csv-broken', field 'csv.columns[2]': names the column 'paragraf'"
                                + " twice",
                        prefix + "8: connector 'csv-broken', field 'csv.columns': is only for a body without a header"
                                + " row (header: false); a header row names the columns itself",
                        prefix + "13: connector 'csv-broken', field 'select.druh_dat': 'druh_dat' is not a JSON"
                                + " Pointer to a field ('/kind')",
                        prefix + "14: connector 'csv-broken', field 'select./pol': '[1-8' is not a regular expression:"
                                + " Unclosed character class",
                        prefix + "10: connector 'csv-broken', field 'records': must be '' for format 'csv': every line"
                                + " of the body is a record",
                        prefix + "11: connector 'csv-broken', field 'recordId[1]': 'polozka' is not a JSON Pointer"
                                + " ('/id')");
    }

    @Test
    void aCsvBlockBelongsOnlyToFormatCsvAndKxxNeedsAContext() {
        Path mapping = FIXTURES.resolve("kxx-with-csv/mapping.yaml");
        assertThat(messages("kxx-with-csv"))
                .containsExactly(
                        mapping + ":3: connector 'kxx-with-csv', field 'csv': is only for format 'csv', not 'kxx'",
                        mapping + ":1: connector 'kxx-with-csv', field 'context': is required for format 'kxx': a"
                                + " JSON-LD context (a file in the connector folder or an inline mapping) that turns"
                                + " the record's fields into IRIs");
    }

    private static List<String> messages(String connector) {
        List<ConfigProblem> problems = new ArrayList<>();
        LOADER.load(FIXTURES.resolve(connector), problems);
        return problems.stream().map(ConfigProblem::toString).toList();
    }
}
