package cz.spojka.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV bodies become one record per row: column name → text, empty cells left out, malformed rows named by line. */
class CsvRecordsTest {

    private static final MappingSpec.Csv SEMICOLONS = new MappingSpec.Csv(';', '"', true, List.of());

    @Test
    void readsSemicolonSeparatedRowsUnderTheirTrimmedHeaderNames() {
        List<SourceLine> rows = CsvRecords.read(
                "\"Položka \";\"Název \";\"Od \"\r\n\"5011\";\"Platy zaměstnanců\";\"1.1.2016\"\r\n", SEMICOLONS);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(0).error()).isNull();
        assertThat(rows.get(0).node().toString())
                .isEqualTo("{\"Položka\":\"5011\",\"Název\":\"Platy zaměstnanců\",\"Od\":\"1.1.2016\"}");
    }

    @Test
    void quotedCellsKeepDelimitersDoubledQuotesAndLineBreaks() {
        List<SourceLine> rows = CsvRecords.read(
                "id,text\n1,\"a, b\"\n2,\"he said \"\"hi\"\"\"\n3,\"two\nlines\"\n4,last\n", MappingSpec.Csv.DEFAULT);

        assertThat(rows)
                .extracting(r -> r.node().get("text").asText())
                .containsExactly("a, b", "he said \"hi\"", "two\nlines", "last");
        // The quoted line break makes the fourth row start on line 6, not 5.
        assertThat(rows).extracting(SourceLine::number).containsExactly(2, 3, 4, 6);
    }

    @Test
    void anotherQuoteCharacterEnclosesCells() {
        List<SourceLine> rows = CsvRecords.read("a|b\n'x|y'|'z'\n", new MappingSpec.Csv('|', '\'', true, List.of()));

        assertThat(rows.get(0).node().toString()).isEqualTo("{\"a\":\"x|y\",\"b\":\"z\"}");
    }

    @Test
    void emptyCellsAreLeftOutAndBlankLinesSkipped() {
        List<SourceLine> rows = CsvRecords.read("a;b;c\n1;;3\n\n;;\n", SEMICOLONS);

        assertThat(rows).extracting(r -> r.node().toString()).containsExactly("{\"a\":\"1\",\"c\":\"3\"}", "{}");
    }

    @Test
    void explicitColumnsNameTheCellsOfABodyWithoutHeaderRow() {
        List<SourceLine> rows = CsvRecords.read(
                "1019;5321;0;150915\n1019;5323;60500000;60349085\n",
                new MappingSpec.Csv(';', '"', false, List.of("paragraf", "polozka", "schvaleny", "upraveny")));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).number()).isEqualTo(1);
        assertThat(rows.get(1).node().toString())
                .isEqualTo("{\"paragraf\":\"1019\",\"polozka\":\"5323\",\"schvaleny\":\"60500000\","
                        + "\"upraveny\":\"60349085\"}");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsMalformedAndNamesItsLine() {
        List<SourceLine> rows = CsvRecords.read("a;b\n1;2\n3;4;5\n6\n7;8\n", SEMICOLONS);

        assertThat(rows)
                .extracting(SourceLine::error)
                .containsExactly(
                        null,
                        "line 3: 3 cells, but there are 2 columns",
                        "line 4: 1 cells, but there are 2 columns",
                        null);
        assertThat(rows.get(1).node().toString()).isEqualTo("[\"3\",\"4\",\"5\"]");
    }

    @Test
    void anUnterminatedQuoteFailsTheWholeBody() {
        assertThatThrownBy(() -> CsvRecords.read("a;b\n1;\"open\n2;3\n", SEMICOLONS))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("The body is not well-formed CSV: ");
    }

    @Test
    void aHeaderRowThatNamesAColumnTwiceFailsTheWholeBody() {
        assertThatThrownBy(() -> CsvRecords.read("a;b;a \n1;2;3\n", SEMICOLONS))
                .isInstanceOf(MappingException.class)
                .hasMessage("line 1: the header row names the column 'a' twice");
        assertThatThrownBy(() -> CsvRecords.read("a;;c\n1;2;3\n", SEMICOLONS))
                .hasMessage("line 1: column 2 of the header row has no name");
    }

    @Test
    void anEmptyBodyHasNoRecords() {
        assertThat(CsvRecords.read("", SEMICOLONS)).isEmpty();
    }

    @Test
    void windows1250BytesAreDecodedWithTheMappingsCharset() {
        byte[] body = "Položka;Název\n5011;Platy zaměstnanců – vyjma\n".getBytes(Charset.forName("windows-1250"));

        List<SourceRecords.SourceRecordNode> records =
                SourceRecords.split(body, csvSpec(Charset.forName("windows-1250")));

        assertThat(records).hasSize(1);
        assertThat(records.get(0).id()).isEqualTo("5011");
        assertThat(records.get(0).node().get("Název").asText()).isEqualTo("Platy zaměstnanců – vyjma");
    }

    @Test
    void windows1250BytesReadAsUtf8FailTheBodyNamingTheByteAndItsLine() {
        byte[] body = "Položka;Název\n5011;Platy\n".getBytes(Charset.forName("windows-1250"));

        assertThatThrownBy(() -> SourceRecords.split(body, csvSpec(null)))
                .isInstanceOf(MappingException.class)
                .hasMessage("The body is not valid UTF-8: byte 4 (0x9E, line 1) is not a character of that charset;"
                        + " is the mapping's charset right?");
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName() {
        byte[] body = "\uFEFFPoložka;Název\n5011;Platy\n".getBytes(StandardCharsets.UTF_8);

        assertThat(SourceRecords.split(body, csvSpec(StandardCharsets.UTF_8)))
                .extracting(SourceRecords.SourceRecordNode::id)
                .containsExactly("5011");
    }

    @Test
    void aMalformedRowBecomesARejectedRecordWithoutId() {
        byte[] body = "Položka;Název\n5011;Platy;navíc\n5012;Platy\n".getBytes(StandardCharsets.UTF_8);

        List<SourceRecords.SourceRecordNode> records = SourceRecords.split(body, csvSpec(null));

        assertThat(records).extracting(SourceRecords.SourceRecordNode::label).containsExactly("line 2", "5012");
        assertThat(records.get(0).error()).isEqualTo("line 2: 3 cells, but there are 2 columns");
    }

    private static MappingSpec csvSpec(Charset charset) {
        return new MappingSpec(
                "1",
                MappingSpec.SourceFormat.csv,
                List.of(""),
                List.of("/Položka"),
                "{}",
                List.of(),
                "CONSTRUCT {} WHERE {}",
                new MappingSpec.SourceOptions(charset, SEMICOLONS, Map.of()));
    }
}
