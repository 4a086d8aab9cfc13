package cz.spojka.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.connector.ConnectorDryRun;
import cz.spojka.gate.ShaclGate;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector rozpocet-cityvizor over its real sample: the 2016 budget of the Ministry of Finance as a CityVizor
 * import CSV (182 rows of paragraph, item and four amounts). Expected values were computed from the file
 * independently of the hub.
 */
class RozpocetCityvizorConnectorTest {

    static final Path CONNECTOR = Path.of("connectors/rozpocet-cityvizor");
    static final String LINE = "http://localhost:8080/zdroj/rozpocet/00006947/radek/cityvizor/2016/";
    static final String PREFIXES = RozpocetKxxConnectorTest.PREFIXES;

    static ConnectorDryRun dryRun;
    static ConnectorDryRun.SampleResult sample;

    @BeforeAll
    static void mapTheSample() {
        dryRun = ConnectorDryRun.ofRepository(Path.of(""));
        ConnectorDryRun.Result result = dryRun.test(CONNECTOR, null);
        assertThat(result.problems()).isEmpty();
        sample = result.sample("budget_2016.csv");
    }

    @Test
    void everyRowGivesFourBudgetLinesThatPassTheGate() {
        assertThat(sample.records()).isEqualTo(182);
        assertThat(sample.entitiesByKind()).isEqualTo(Map.of("budget-line", 728L));
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).isEmpty();
    }

    @Test
    void totalsOfEachKind() {
        Graph graph = sample.graph();

        assertThat(total(graph, "?line rozp:druh-údaje druh:schválený-rozpočet"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("201041856691"), new BigDecimal(182));
        assertThat(total(graph, "?line rozp:druh-údaje druh:skutečnost"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("88094305486.27"), new BigDecimal(182));
    }

    @Test
    void totalsOfParagraph2212Roads() {
        Graph graph = sample.graph();

        assertThat(total(graph, "?line rozp:paragraf par:2212 ; rozp:druh-údaje druh:schválený-rozpočet"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("231000000"), new BigDecimal(3));
        assertThat(total(graph, "?line rozp:paragraf par:2212 ; rozp:druh-údaje druh:rozpočet-po-změnách"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("238932000"), new BigDecimal(3));
        assertThat(total(graph, "?line rozp:paragraf par:2212 ; rozp:druh-údaje druh:skutečnost"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("110466788.4"), new BigDecimal(3));
    }

    @Test
    void everyParagraphAndItemIsAConceptOfTheCodelists() {
        assertThat(CodelistCodes.used(sample.graph(), "paragraf"))
                .hasSize(46)
                .isSubsetOf(CodelistCodes.of("rozpoctova-skladba-paragrafy.ttl"));
        assertThat(CodelistCodes.used(sample.graph(), "položka"))
                .hasSize(95)
                .isSubsetOf(CodelistCodes.of("rozpoctova-skladba-polozky.ttl"));
    }

    @Test
    void theActualResultOfOneRowWithADecimalComma() {
        List<String> values = SelectRow.of(
                sample.graph(),
                PREFIXES + "SELECT ?kind ?paragraph ?item ?value ?currency ?year ?publisher ?municipality WHERE { <"
                        + LINE + "1019/5323/skutečnost> rozp:druh-údaje ?kind ; rozp:paragraf ?paragraph ;"
                        + " rozp:položka ?item ; rozp:částka [ schema:value ?value ; schema:currency ?currency ] ;"
                        + " rozp:rozpočtový-rok ?year ; dcterms:publisher ?publisher ;"
                        + " dcterms:spatial ?municipality }");

        assertThat(values)
                .containsExactly(
                        "https://w3id.org/spojka/číselník/druhy-rozpočtových-údajů/položky/skutečnost",
                        "https://w3id.org/spojka/číselník/rozpočtová-skladba-paragrafy/položky/1019",
                        "https://w3id.org/spojka/číselník/rozpočtová-skladba-položky/položky/5323",
                        "10260482.5",
                        "CZK",
                        "2016",
                        "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00006947",
                        "https://linked.cuzk.cz/resource/ruian/obec/554782");
    }

    @Test
    void aRowWithAMissingCellIsRejectedAndAnAmountThatIsNoNumberFailsTheGate(@TempDir Path temp) throws IOException {
        List<String> lines = Files.readAllLines(CONNECTOR.resolve("samples/budget_2016.csv"), StandardCharsets.UTF_8);
        lines.set(1, "1019;5321;0;150915;150915");
        lines.set(2, "1019;5323;60500000;60349085;60349085;deset milionů");
        Path broken = temp.resolve("budget_broken.csv");
        Files.write(broken, lines, StandardCharsets.UTF_8);

        ConnectorDryRun.SampleResult result = dryRun.test(CONNECTOR, broken).sample("budget_broken.csv");

        assertThat(result.records()).isEqualTo(182);
        assertThat(result.rejected()).isEqualTo(Map.of("line 2", "line 2: 5 cells, but there are 6 columns"));
        assertThat(result.entities()).hasSize(181 * 4);
        assertThat(result.violations()).containsOnlyKeys(LINE + "1019/5323/skutečnost");
        ShaclGate.Verdict verdict = result.violations().get(LINE + "1019/5323/skutečnost");
        assertThat(verdict.reason())
                .isEqualTo("SHACL: 1 violation(s); An amount must have exactly one value (schema:value), an"
                        + " xsd:decimal [path <http://schema.org/value>]");
    }

    static List<BigDecimal> total(Graph graph, String pattern) {
        return RozpocetKxxConnectorTest.totalAndCount(graph, pattern);
    }
}
