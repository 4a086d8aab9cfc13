package cz.spojka.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * KXX bodies become one record per data line (G/@) with the section header's values copied in. The lines are real
 * lines of the bundled samples (connectors/rozpocet-kxx/samples, Brno-Medlánky 2023).
 */
class KxxRecordsTest {

    private static final Charset CP1250 = Charset.forName("windows-1250");
    private static final String FILE_HEADER = "5/@44992785160009000MBMC";
    private static final String SECTION_APPROVED = "6/@44992785160102 2 2023";
    private static final String SECTION_AMENDMENTS = "6/@44992785160103 2 2023";
    private static final String REVENUE =
            "G/@02   100001000231000000000000112200000000000000000000000000000000000000000000035000000 000000000000000000 ";
    private static final String EXPENDITURE =
            "G/@13   100002000231000000003639612100000000006900000000001610075003009000000000000000000 000000000785542088 ";
    private static final String DESCRIPTION = "G/$0001   100002Komunální služby a územní rozvoj - zapojení finančních"
            + " prostředků na dokončení akce z roku 2022 \"Rekonstrukce Náměstí Odboje\"";
    private static final String NEGATIVE_CREDIT =
            "G/@31   100005000231000000003113517100000000005600000002221610086003192000000000000000000 000000000300000000-";

    @Test
    void aDataLineBecomesARecordWithTheSectionsValues() {
        List<SourceLine> records = KxxRecords.read(String.join("\n", FILE_HEADER, SECTION_APPROVED, REVENUE));

        assertThat(records).hasSize(1);
        assertThat(records.get(0).number()).isEqualTo(3);
        assertThat(records.get(0).node().toString())
                .isEqualTo("{\"id\":\"2023-01-02-100001-1\",\"ico\":\"44992785\",\"jednotka\":\"16\",\"rok\":\"2023\","
                        + "\"mesic\":\"01\",\"druh_dat\":\"02\",\"doklad\":\"100001\",\"radek\":\"1\",\"den\":\"02\","
                        + "\"su\":\"231\",\"au\":\"0000\",\"kap\":\"00\",\"odpa\":\"000000\",\"pol\":\"1122\","
                        + "\"zj\":\"000\",\"uz\":\"000000000\",\"orj\":\"0000000000\",\"org\":\"0000000000000\","
                        + "\"md\":\"350000.00\",\"dal\":\"0.00\"}");
    }

    @Test
    void aLineDescriptionBecomesTheTextOfTheDataLineBeforeIt() {
        List<SourceLine> records = KxxRecords.read(
                String.join("\r\n", FILE_HEADER, SECTION_AMENDMENTS, EXPENDITURE, DESCRIPTION, EXPENDITURE));

        assertThat(records)
                .extracting(r -> r.node().get("id").asText())
                .containsExactly("2023-01-03-100002-1", "2023-01-03-100002-2");
        assertThat(records.get(0).node().get("text").asText())
                .isEqualTo("Komunální služby a územní rozvoj - zapojení finančních prostředků na dokončení akce z roku"
                        + " 2022 \"Rekonstrukce Náměstí Odboje\"");
        assertThat(records.get(1).node().has("text")).isFalse();
        assertThat(records.get(0).node().get("odpa").asText()).isEqualTo("003639");
        assertThat(records.get(0).node().get("org").asText()).isEqualTo("1610075003009");
        assertThat(records.get(0).node().get("dal").asText()).isEqualTo("7855420.88");
    }

    @Test
    void aSignAfterAnAmountMakesItNegative() {
        List<SourceLine> records = KxxRecords.read(String.join("\n", FILE_HEADER, SECTION_APPROVED, NEGATIVE_CREDIT));

        assertThat(records.get(0).node().get("dal").asText()).isEqualTo("-3000000.00");
        assertThat(records.get(0).node().get("md").asText()).isEqualTo("0.00");
    }

    @Test
    void aDataLineWithoutItsTrailingBlankSignIsStillWellFormed() {
        List<SourceLine> records =
                KxxRecords.read(String.join("\n", FILE_HEADER, SECTION_APPROVED, REVENUE.stripTrailing()));

        assertThat(records.get(0).error()).isNull();
        assertThat(records.get(0).node().get("md").asText()).isEqualTo("350000.00");
    }

    @Test
    void documentDescriptionsAreNotCopied() {
        List<SourceLine> records = KxxRecords.read(String.join(
                "\n", FILE_HEADER, SECTION_APPROVED, REVENUE, "G/#0002   100001*IC-44992785;*DICT-Statutární město"));

        assertThat(records).hasSize(1);
        assertThat(records.get(0).node().toString()).doesNotContain("Statutární");
    }

    @Test
    void aMalformedLineIsRejectedWithAReasonNamingTheLine() {
        String badItem = REVENUE.substring(0, 32) + "11X2" + REVENUE.substring(36);
        List<SourceLine> records = KxxRecords.read(String.join(
                "\n",
                FILE_HEADER,
                SECTION_APPROVED,
                REVENUE,
                REVENUE.substring(0, 60),
                badItem,
                "X/@something",
                "G/$0001   999999text of a document without lines"));

        assertThat(records)
                .extracting(SourceLine::error)
                .containsExactly(
                        null,
                        "line 4: a data line (G/@) has 109 characters, this one 60",
                        "line 5: characters 33–36 (the budget item) are '11X2'",
                        "line 6: unknown line type 'X/@'; a KXX line starts with 5/@, 6/@, G/@, G/$ or G/#",
                        "line 7: a line description (G/$) of document 999999, which has no data line before it in"
                                + " this section");
        assertThat(records.get(1).node().asText()).isEqualTo(REVENUE.substring(0, 60));
    }

    @Test
    void aBodyWithoutFileHeaderOrWithABrokenSectionHeaderFailsAsAWhole() {
        assertThatThrownBy(() -> KxxRecords.read(String.join("\n", SECTION_APPROVED, REVENUE)))
                .isInstanceOf(MappingException.class)
                .hasMessage("The body is not KXX: line 1 is not a file header (5/@<IČO, 8 digits>[2 digits]00<month>000"
                        + "<licence, 4 characters>): '6/@44992785160102 2 2023'");
        assertThatThrownBy(() -> KxxRecords.read(String.join("\n", FILE_HEADER, "6/@4499278516010 2 2023", REVENUE)))
                .hasMessageStartingWith("The body is not well-formed KXX: line 2 is not a section header");
        assertThatThrownBy(() -> KxxRecords.read(String.join("\n", FILE_HEADER, "6/@00006947160102 2 2023")))
                .hasMessage("The body is not well-formed KXX: line 2 has the IČO 00006947, but the file header has"
                        + " 44992785");
    }

    @Test
    void readsEveryDataLineOfTheRealBudgetAndAccountingFiles() throws IOException {
        List<SourceLine> budget = KxxRecords.read(sample("rozp_medl_hc.kxx"));
        List<SourceLine> accounting = KxxRecords.read(sample("ucto_medl_hc.kxx"));

        assertThat(budget).hasSize(3243).allMatch(r -> r.error() == null);
        assertThat(accounting).hasSize(15318).allMatch(r -> r.error() == null);
        assertThat(budget.stream().filter(r -> r.node().has("text"))).hasSize(316);
        assertThat(budget.stream().map(r -> r.node().get("id").asText()).distinct())
                .hasSize(3243);
        assertThat(accounting.stream().map(r -> r.node().get("id").asText()).distinct())
                .hasSize(15318);
    }

    @Test
    void selectKeepsOnlyTheMatchingRecordsAndEveryMalformedOne() {
        byte[] body = String.join(
                        "\n",
                        FILE_HEADER,
                        SECTION_APPROVED,
                        REVENUE,
                        SECTION_AMENDMENTS,
                        EXPENDITURE,
                        EXPENDITURE.substring(0, 50))
                .getBytes(CP1250);
        MappingSpec spec = new MappingSpec(
                "1",
                MappingSpec.SourceFormat.kxx,
                List.of(""),
                List.of("/id"),
                "{}",
                List.of(),
                "CONSTRUCT {} WHERE {}",
                new MappingSpec.SourceOptions(
                        CP1250, null, Map.of("/druh_dat", Pattern.compile("03"), "/pol", Pattern.compile("[1-8]..."))));

        assertThat(SourceRecords.split(body, spec))
                .extracting(SourceRecords.SourceRecordNode::label)
                .containsExactly("2023-01-03-100002-1", "line 6");
    }

    private static String sample(String file) throws IOException {
        return BodyText.decode(Files.readAllBytes(Path.of("connectors/rozpocet-kxx/samples", file)), CP1250);
    }
}
