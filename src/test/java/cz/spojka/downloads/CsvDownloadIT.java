package cz.spojka.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.store.StoreReader;
import cz.spojka.store.TdbEntityStore;
import cz.spojka.store.TestStores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CSV table of every dataset, over the real samples of every ready connector in a real TDB2 store: the declared
 * header and exactly one line per entity of the table's row class, with the values a spreadsheet user reads.
 */
class CsvDownloadIT {

    private static final DatasetTables TABLES = DatasetTables.read(Path.of("vocab", "tables"));
    private static final Map<String, SampleData.Loaded> LOADED = new LinkedHashMap<>();
    private static TdbEntityStore store;

    @BeforeAll
    static void materializeEveryConnectorsSamples() throws IOException {
        store = TestStores.tdb2(Files.createTempDirectory("spojka-csv-"), SampleData.BASE_IRI);
        connectors().forEach(connector -> LOADED.put(connector, SampleData.load(store, connector)));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    static Stream<String> connectors() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("connectors"))) {
            return folders
                    .filter(f -> Files.isRegularFile(f.resolve("connector.yaml")))
                    .map(f -> f.getFileName().toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("connectors")
    void hasTheDeclaredHeaderAndOneLinePerEntityOfTheRowClass(String connector) throws IOException {
        SampleData.Loaded loaded = LOADED.get(connector);
        DatasetTable table = TABLES.of(loaded.dataset().id()).orElseThrow();

        List<CSVRecord> lines = csv(table, loaded.graph());

        assertThat(lines.get(0).toList()).isEqualTo(table.columnNames());
        List<CSVRecord> rows = lines.subList(1, lines.size());
        long entities = loaded.entities().stream()
                .filter(e -> isA(loaded.graph(), e.iri(), table.rows().classIri()))
                .count();
        assertThat(entities).as("entities of the row class").isPositive();
        assertThat(rows).hasSize((int) entities);
        assertThat(new HashSet<>(rows.stream().map(r -> r.get(1)).toList()))
                .as("one line per entity")
                .hasSize(rows.size());
        assertThat(rows)
                .allSatisfy(row ->
                        assertThat(row.get("ičo")).isEqualTo(loaded.dataset().ico()));
    }

    /** The line of one entity of the real samples, found by its IRI, holds these values in these columns. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "uredni-deska-edesky | informace | /3312051 | vyvěšení | 2019-10-10T17:10:14+02:00",
                "uredni-deska-edesky | informace | /3312051 | relevantní_do | ''",
                "uredni-deska-edesky | informace | /3312051 | url"
                        + " | http://edeska.chrudim-city.cz/eDeska/eDeskaDetail.jsp?detailId=10787",
                "uredni-deska-edesky | informace | /3312051 | název_úřední_desky | Město Chrudim",
                "uredni-deska-edesky | informace | /3312051 | stránka_úřední_desky | https://edesky.cz/desky/97",
                "golemio-ovzdusi | pozorování | ASTOA/pm10-1h/2019-05-15T20:20:00.304Z | vlastnost | pm10-1h",
                "golemio-ovzdusi | pozorování | ASTOA/pm10-1h/2019-05-15T20:20:00.304Z | hodnota | 4.0",
                "golemio-ovzdusi | pozorování | ASTOA/pm10-1h/2019-05-15T20:20:00.304Z | jednotka | MicroGM-PER-M3",
                "golemio-ovzdusi | pozorování | ASTOA/pm10-1h/2019-05-15T20:20:00.304Z | místo_název | Praha 5-Stodůlky",
                "golemio-ovzdusi | pozorování | ASTOA/pm10-1h/2019-05-15T20:20:00.304Z | zeměpisná_šířka | 50.04613",
                "golemio-ovzdusi | pozorování | ASTOA/pm10-1h/2019-05-15T20:20:00.304Z | zeměpisná_délka | 14.331413",
                "rozpocet-kxx | řádek | /16-2023-09-00-860002-2 | období | 2023-09",
                "rozpocet-kxx | řádek | /16-2023-09-00-860002-2 | druh_údaje | skutečnost",
                "rozpocet-kxx | řádek | /16-2023-09-00-860002-2 | paragraf | 6171",
                "rozpocet-kxx | řádek | /16-2023-09-00-860002-2 | položka | 5424",
                "rozpocet-kxx | řádek | /16-2023-09-00-860002-2 | částka | 32547.0",
                "rozpocet-kxx | řádek | /16-2023-09-00-860002-2 | měna | CZK"
            })
    void givesAnEntitysLineTheValuesASpreadsheetUserReads(
            String connector, String entityColumn, String iriEnd, String column, String value) throws IOException {
        assertThat(row(connector, entityColumn, iriEnd)).containsEntry(column, value);
    }

    @Test
    void startsWithAByteOrderMarkForSpreadsheets() throws IOException {
        SampleData.Loaded loaded = LOADED.get("uredni-deska-edesky");
        byte[] bytes = bytes(TABLES.of("uredni-deska").orElseThrow(), loaded.graph());

        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("\uFEFFičo,informace,název,");
    }

    /** The line whose {@code column} ends with {@code suffix}, as column → value. */
    private static Map<String, String> row(String connector, String column, String suffix) throws IOException {
        SampleData.Loaded loaded = LOADED.get(connector);
        List<CSVRecord> lines = csv(TABLES.of(loaded.dataset().id()).orElseThrow(), loaded.graph());
        return lines.subList(1, lines.size()).stream()
                .filter(r -> r.get(column).endsWith(suffix))
                .findFirst()
                .orElseThrow()
                .toMap();
    }

    private static List<CSVRecord> csv(DatasetTable table, Node graph) throws IOException {
        String text = new String(bytes(table, graph), StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180
                .builder()
                .setHeader(table.columnNames().toArray(String[]::new))
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    private static byte[] bytes(DatasetTable table, Node graph) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvDownload.write(table, List.of(graph), StoreReader.of(store.dataset()), out);
        return out.toByteArray();
    }

    private static boolean isA(Node graph, String entity, String classIri) {
        return Txn.calculateRead(
                store.dataset(),
                () -> store.dataset()
                        .contains(
                                graph,
                                NodeFactory.createURI(entity),
                                org.apache.jena.vocabulary.RDF.type.asNode(),
                                NodeFactory.createURI(classIri)));
    }
}
