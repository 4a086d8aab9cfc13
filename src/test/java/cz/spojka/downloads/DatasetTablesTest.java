package cz.spojka.downloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tabular views in {@code vocab/tables/}: one for every dataset, each checked before the hub serves it. */
class DatasetTablesTest {

    private static final String HEADER = """
            # @datasets podnety
            # @rows https://w3id.org/spojka/slovník/podněty/pojem/podnět | podnět | report
            # @column ičo | IČO | IČO
            # @column podnět | IRI podnětu | the report's IRI
            """;

    @TempDir
    Path dir;

    @Test
    void everyDatasetOfTheReadyConnectorsHasATabularView() throws IOException {
        DatasetTables tables = DatasetTables.read(Path.of("vocab", "tables"));

        assertThat(tables.byDataset().keySet()).containsExactlyInAnyOrderElementsOf(datasetsOfTheConnectors());
    }

    @Test
    void readsTheDeclarations() throws IOException {
        write("podnety.rq", HEADER + """
                SELECT ?ičo ?podnět WHERE {
                  GRAPH ?graph { ?podnět a <https://w3id.org/spojka/slovník/podněty/pojem/podnět> }
                  BIND(REPLACE(STR(?graph), "^.*/", "") AS ?ičo)
                }
                """);

        DatasetTable table = DatasetTables.read(dir).of("podnety").orElseThrow();

        assertThat(table.rows())
                .isEqualTo(new DatasetTable.Rows(
                        "https://w3id.org/spojka/slovník/podněty/pojem/podnět", "podnět", "report"));
        assertThat(table.columns())
                .containsExactly(
                        new DatasetTable.Column("ičo", "IČO", "IČO"),
                        new DatasetTable.Column("podnět", "IRI podnětu", "the report's IRI"));
    }

    @Test
    void reportsEveryProblemOfEveryFileAtOnce() throws IOException {
        write("a-broken.rq", "# @datasets a\nSELECT ?x WHERE { ?x ?p }");
        write("b-grouped.rq", HEADER.replace("podnety", "b") + """
                SELECT ?ičo (COUNT(?p) AS ?podnět) WHERE { ?ičo ?q ?p } GROUP BY ?ičo ORDER BY ?ičo
                """);
        write("c-columns.rq", """
                # @datasets podnety
                # @rows https://w3id.org/spojka/slovník/podněty/pojem/podnět | podnět
                # @column podnět | IRI podnětu | the report's IRI
                SELECT ?ičo ?podnět WHERE { GRAPH ?graph { ?podnět ?p ?ičo } } LIMIT 10
                """);
        write("d-twice.rq", HEADER + "SELECT ?ičo ?podnět WHERE { GRAPH ?graph { ?podnět ?p ?ičo } }");
        write("e-twice.rq", HEADER + "SELECT ?ičo ?podnět WHERE { GRAPH ?graph { ?podnět ?p ?ičo } }");

        assertThatThrownBy(() -> DatasetTables.read(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "The tabular views of the datasets (spojka.vocab-dir, tables/) have 9 problem(s):")
                .hasMessageContaining(dir.resolve("a-broken.rq") + ": must declare what one row is in exactly one line"
                        + " '# @rows <class IRI> | <Czech> | <English>', found 0")
                .hasMessageContaining(dir.resolve("a-broken.rq") + ": is not a SPARQL query: ")
                .hasMessageContaining(dir.resolve("b-grouped.rq") + ": must not group, aggregate, order or use"
                        + " DISTINCT: the hub streams its rows as the store reads them, and each of those would hold"
                        + " every row in memory first")
                .hasMessageContaining(dir.resolve("b-grouped.rq") + ": must read the data inside GRAPH ?graph { … }:"
                        + " the hub binds ?graph to each graph of the dataset")
                .hasMessageContaining(dir.resolve("c-columns.rq") + ": @rows must read '<name> | <Czech> |"
                        + " <English>': 'https://w3id.org/spojka/slovník/podněty/pojem/podnět | podnět'")
                .hasMessageContaining(dir.resolve("c-columns.rq") + ": must not use LIMIT or OFFSET: the table is the"
                        + " whole dataset")
                .hasMessageContaining(dir.resolve("c-columns.rq") + ": the '# @column' lines must describe the"
                        + " SELECT's variables in their order: selects [ičo, podnět], describes [podnět]")
                .hasMessageContaining(dir.resolve("e-twice.rq") + ": dataset 'podnety' already has its view in "
                        + dir.resolve("d-twice.rq"));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static List<String> datasetsOfTheConnectors() throws IOException {
        Pattern datasetId = Pattern.compile("(?m)^dataset:\\s*\\n\\s+id:\\s*(\\S+)");
        try (Stream<Path> folders = Files.list(Path.of("connectors"))) {
            return folders.map(f -> f.resolve("connector.yaml"))
                    .filter(Files::isRegularFile)
                    .map(file -> {
                        try {
                            Matcher matcher = datasetId.matcher(Files.readString(file));
                            assertThat(matcher.find()).as(file.toString()).isTrue();
                            return matcher.group(1);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .distinct()
                    .toList();
        }
    }
}
