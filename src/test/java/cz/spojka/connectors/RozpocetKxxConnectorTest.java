package cz.spojka.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.connector.ConnectorDryRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector rozpocet-kxx over its real samples: the 2023 budget file (approved budget and amendments) and the
 * 2023 accounting file of Brno-Medlánky. Expected values were computed from the files independently of the hub.
 */
class RozpocetKxxConnectorTest {

    static final Path CONNECTOR = Path.of("connectors/rozpocet-kxx");
    static final String LINE = "http://localhost:8080/zdroj/rozpocet/44992785/radek/kxx/16-";
    static final String PREFIXES = """
            PREFIX rozp: <https://w3id.org/spojka/slovník/rozpočet/pojem/>
            PREFIX schema: <http://schema.org/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX par: <https://w3id.org/spojka/číselník/rozpočtová-skladba-paragrafy/položky/>
            PREFIX pol: <https://w3id.org/spojka/číselník/rozpočtová-skladba-položky/položky/>
            PREFIX druh: <https://w3id.org/spojka/číselník/druhy-rozpočtových-údajů/položky/>
            """;

    static ConnectorDryRun dryRun;
    static ConnectorDryRun.Result result;

    @BeforeAll
    static void mapTheSamples() {
        dryRun = ConnectorDryRun.ofRepository(Path.of(""));
        result = dryRun.test(CONNECTOR, null);
    }

    @Test
    void everyBudgetLineOfBothFilesPassesTheGate() {
        assertThat(result.problems()).isEmpty();
        assertThat(result.passed()).isTrue();
        ConnectorDryRun.SampleResult budget = result.sample("rozp_medl_hc.kxx");
        ConnectorDryRun.SampleResult accounting = result.sample("ucto_medl_hc.kxx");
        // Of 3,243 and 15,318 data lines, select keeps those of the kinds 02 and 03 (217 + 314), and 00 with an item.
        assertThat(budget.records()).isEqualTo(531);
        assertThat(budget.entitiesByKind()).isEqualTo(Map.of("budget-line", 531L));
        assertThat(accounting.records()).isEqualTo(2701);
        assertThat(accounting.entitiesByKind()).isEqualTo(Map.of("budget-line", 2701L));
        for (ConnectorDryRun.SampleResult sample : List.of(budget, accounting)) {
            assertThat(sample.rejected()).isEmpty();
            assertThat(sample.violations()).isEmpty();
        }
    }

    @Test
    void linesByKindWithTheirTotals() {
        Graph budget = result.sample("rozp_medl_hc.kxx").graph();
        Graph accounting = result.sample("ucto_medl_hc.kxx").graph();

        assertThat(totalAndCount(budget, "?line rozp:druh-údaje druh:schválený-rozpočet"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("122394000.00"), new BigDecimal(217));
        assertThat(totalAndCount(budget, "?line rozp:druh-údaje druh:rozpočtové-opatření"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("57737940.16"), new BigDecimal(314));
        assertThat(totalAndCount(accounting, "?line rozp:druh-údaje druh:skutečnost"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("256401657.09"), new BigDecimal(2701));
    }

    @Test
    void totalsOfParagraph6171LocalAdministration() {
        Graph budget = result.sample("rozp_medl_hc.kxx").graph();
        Graph accounting = result.sample("ucto_medl_hc.kxx").graph();

        assertThat(totalAndCount(budget, "?line rozp:paragraf par:6171 ; rozp:druh-údaje druh:schválený-rozpočet"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("17742500.00"), new BigDecimal(35));
        assertThat(totalAndCount(budget, "?line rozp:paragraf par:6171 ; rozp:druh-údaje druh:rozpočtové-opatření"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("262716.80"), new BigDecimal(16));
        assertThat(totalAndCount(accounting, "?line rozp:paragraf par:6171 ; rozp:druh-údaje druh:skutečnost"))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("12053168.14"), new BigDecimal(465));
    }

    @Test
    void theCodesMissingFromTheCodelistsAreTheDocumentedOnes() {
        Set<String> paragraphs = new TreeSet<>();
        Set<String> items = new TreeSet<>();
        for (String file : List.of("rozp_medl_hc.kxx", "ucto_medl_hc.kxx")) {
            paragraphs.addAll(CodelistCodes.used(result.sample(file).graph(), "paragraf"));
            items.addAll(CodelistCodes.used(result.sample(file).graph(), "položka"));
        }
        assertThat(paragraphs).hasSize(30);
        assertThat(items).hasSize(86);
        items.removeAll(CodelistCodes.of("rozpoctova-skladba-polozky.ttl"));
        paragraphs.removeAll(CodelistCodes.of("rozpoctova-skladba-paragrafy.ttl"));

        // The codelists predate 2016 and list expenditure items only, one of them without its code
        // (vocab/codelists/README.md); of the codes the 2023 lines use, these are missing.
        assertThat(paragraphs).containsExactly("5213");
        assertThat(items).hasSize(33);
        assertThat(items.stream().filter(code -> "1248".indexOf(code.charAt(0)) < 0))
                .containsExactly("5348");
    }

    @Test
    void theFirstLineOfTheApprovedBudgetIsARevenueOfTheCorporateIncomeTax() {
        Graph budget = result.sample("rozp_medl_hc.kxx").graph();

        List<String> values = row(
                budget,
                "SELECT ?kind ?paragraph ?item ?value ?currency ?year ?period ?date ?document ?account ?publisher"
                        + " ?municipality WHERE { <" + LINE + "2023-01-02-100001-1> rozp:druh-údaje ?kind ;"
                        + " rozp:paragraf ?paragraph ; rozp:položka ?item ; rozp:částka [ schema:value ?value ;"
                        + " schema:currency ?currency ] ; rozp:rozpočtový-rok ?year ; rozp:účetní-období ?period ;"
                        + " dcterms:date ?date ; rozp:číslo-dokladu ?document ; rozp:syntetický-účet ?account ;"
                        + " dcterms:publisher ?publisher ; dcterms:spatial ?municipality }");
        assertThat(values)
                .containsExactly(
                        "https://w3id.org/spojka/číselník/druhy-rozpočtových-údajů/položky/schválený-rozpočet",
                        "https://w3id.org/spojka/číselník/rozpočtová-skladba-paragrafy/položky/0000",
                        "https://w3id.org/spojka/číselník/rozpočtová-skladba-položky/položky/1122",
                        "350000.0",
                        "CZK",
                        "2023",
                        "2023-01",
                        "2023-01-02",
                        "100001",
                        "231",
                        "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/44992785",
                        "https://linked.cuzk.cz/resource/ruian/obec/582786");
    }

    @Test
    void anAmendmentCarriesItsDescriptionOrganisationAndPurposeMark() {
        Graph budget = result.sample("rozp_medl_hc.kxx").graph();

        List<String> values = row(
                budget,
                "SELECT ?value ?description ?organisation ?unit ?purpose WHERE { <" + LINE + "2023-01-03-100002-1>"
                        + " rozp:částka/schema:value ?value ; dcterms:description ?description ;"
                        + " rozp:organizace ?organisation . OPTIONAL { <" + LINE + "2023-01-03-100002-1>"
                        + " rozp:organizační-jednotka ?unit } OPTIONAL { <" + LINE + "2023-01-03-100002-1>"
                        + " rozp:účelový-znak ?purpose } }");
        assertThat(values)
                .containsExactly(
                        "7855420.88",
                        "Komunální služby a územní rozvoj - zapojení finančních prostředků na dokončení akce z roku"
                                + " 2022 \"Rekonstrukce Náměstí Odboje\"",
                        "1610075003009",
                        null,
                        "69");
    }

    @Test
    void aMalformedLineIsRejectedWithItsLineAndTheOthersStillMap(@TempDir Path temp) throws IOException {
        Charset cp1250 = Charset.forName("windows-1250");
        List<String> lines = Files.readAllLines(CONNECTOR.resolve("samples/rozp_medl_hc.kxx"), cp1250);
        String third = lines.get(2);
        lines.set(2, third.substring(0, 32) + "11X2" + third.substring(36));
        Path broken = temp.resolve("rozp_broken.kxx");
        Files.write(broken, lines, cp1250);

        ConnectorDryRun.SampleResult sample = dryRun.test(CONNECTOR, broken).sample("rozp_broken.kxx");

        assertThat(sample.records()).isEqualTo(531);
        assertThat(sample.rejected())
                .isEqualTo(Map.of("line 3", "line 3: characters 33–36 (the budget item) are '11X2'"));
        assertThat(sample.entities()).hasSize(530);
        assertThat(sample.violations()).isEmpty();
    }

    static List<BigDecimal> totalAndCount(Graph graph, String pattern) {
        return row(
                        graph,
                        "SELECT (SUM(?v) AS ?total) (COUNT(?line) AS ?lines) WHERE { " + pattern
                                + " ; rozp:částka/schema:value ?v }")
                .stream()
                .map(BigDecimal::new)
                .toList();
    }

    static List<String> row(Graph graph, String select) {
        return SelectRow.of(graph, PREFIXES + select);
    }
}
