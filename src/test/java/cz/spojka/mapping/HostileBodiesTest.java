package cz.spojka.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bodies a hostile or broken source sends, each refused as a whole with a reason naming what is wrong; the cases of
 * the hostile-input corpus (HostileInputIT) that found a weakness, at unit level.
 */
class HostileBodiesTest {

    private static final String ITEM = "<documents><document><id>1</id></document></documents>";

    @Test
    void anXmlBodyWithAParameterEntityIsRefusedForItsDoctype() {
        // Found by the corpus: with DTD support off the DTD was skipped and the document read without it.
        assertThatThrownBy(() -> xml("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM"
                        + " \"http://localhost:1/x.dtd\"> %p;]>" + ITEM))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("The body declares a DOCTYPE: the hub reads no DTDs and no entities");
    }

    @Test
    void anXmlBodyWithAnExternalEntityOrEntityExpansionIsRefusedForItsDoctype() {
        assertThatThrownBy(() -> xml("<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<documents><document><id>&x;</id></document></documents>"))
                .hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> xml("<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                        + "<documents><document><id>&b;</id></document></documents>"))
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void anXmlBodyWithoutDoctypeIsStillRead() {
        assertThat(xml("<?xml version=\"1.0\"?>" + ITEM).at("/document/id").asText())
                .isEqualTo("1");
    }

    @Test
    void aJsonBodyWithSomethingAfterItsValueIsRefused() {
        // Found by the corpus: two bodies run together, or a value with garbage after it, read as the first value.
        assertThatThrownBy(() -> json("[{\"id\": 1}] garbage"))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("The body is not well-formed json: Unrecognized token 'garbage'");
        assertThatThrownBy(() -> json("[{\"id\": 1}][{\"id\": 2}]")).hasMessageContaining("Trailing token");
    }

    @Test
    void aJsonObjectWithADuplicateFieldIsRefused() {
        // Found by the corpus: the last value won silently.
        assertThatThrownBy(() -> json("[{\"id\": 1, \"name\": \"a\", \"name\": \"b\"}]"))
                .hasMessageStartingWith("The body is not well-formed json: Duplicate field 'name'");
    }

    @Test
    void aStringOverAMillionCharactersIsRefusedInJsonAndXml() {
        // Found by the corpus: a 10 MB literal was read, and its entity was too large for the change log.
        String huge = "x".repeat(SourceRecords.MAX_STRING_CHARS + 1);
        assertThatThrownBy(() -> json("[{\"id\": \"" + huge + "\"}]"))
                .hasMessageContaining("String value length (1000001) exceeds the maximum allowed (1000000");
        assertThatThrownBy(() -> xml("<documents><document><id>" + huge + "</id></document></documents>"))
                .hasMessage("The body is not well-formed xml: a text of 1000001 characters exceeds the maximum allowed"
                        + " (1000000)");
        assertThatThrownBy(() -> xml("<documents><document id=\"" + huge + "\"/></documents>"))
                .hasMessageContaining("limit (1000000)");
    }

    @Test
    void aCsvFieldOverAMillionCharactersRejectsItsLine() {
        // Found by the corpus: an amount of ten million digits, cast to a number by the mapping, held a mapping
        // thread for minutes and stalled every connector's mapping.
        MappingSpec spec = new MappingSpec(
                "1",
                MappingSpec.SourceFormat.csv,
                java.util.List.of(""),
                "/id",
                "{}",
                java.util.List.of(),
                "CONSTRUCT {} WHERE {}");
        var records = SourceRecords.split(
                ("id,amount\n1,5\n2," + "9".repeat(SourceRecords.MAX_STRING_CHARS + 1) + "\n")
                        .getBytes(StandardCharsets.UTF_8),
                spec);
        assertThat(records)
                .extracting(SourceRecords.SourceRecordNode::error)
                .containsExactly(null, "a field of 1000001 characters exceeds the maximum allowed (1000000)");
    }

    @Test
    void anOverlongUtf8SequenceFailsTheBodyInJsonAndXml() {
        // Found by the corpus: C0 AF (an overlong "/") was decoded by Jackson and by the XML parser as a character.
        byte[] json = {'[', '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}', ']'};
        assertThatThrownBy(() -> SourceRecords.parse(json, MappingSpec.SourceFormat.json, null))
                .hasMessage("The body is not valid UTF-8: byte 8 (0xC0, line 1) is not part of a UTF-8 character; is it"
                        + " in another charset?");
        byte[] xml = ("<documents><document><id>1" + (char) 0xC0 + (char) 0xAF + "</id></document></documents>")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SourceRecords.parse(xml, MappingSpec.SourceFormat.xml, null))
                .hasMessageStartingWith("The body is not valid UTF-8: byte 26 (0xC0");
    }

    @Test
    void nestingDeeperThanAThousandLevelsIsRefusedInJsonAndXml() {
        assertThatThrownBy(() -> json("[".repeat(10_000) + "]".repeat(10_000)))
                .hasMessageContaining("nesting depth (1001) exceeds the maximum allowed (1000");
        assertThatThrownBy(() -> xml("<a>".repeat(10_000) + "</a>".repeat(10_000)))
                .hasMessageContaining("Maximum Element Depth limit (1000) Exceeded");
    }

    @Test
    void everyRecordOfABodyThatSharesItsIdWithAnotherIsRejected() {
        // Found by the corpus: both records were mapped to the same entity and the last one won silently.
        MappingSpec spec = new MappingSpec(
                "1",
                MappingSpec.SourceFormat.json,
                java.util.List.of(""),
                "/id",
                "{}",
                java.util.List.of(),
                "CONSTRUCT {} WHERE {}");
        var records = SourceRecords.split(
                "[{\"id\": 7, \"v\": 1}, {\"id\": 8}, {\"id\": 7, \"v\": 2}]".getBytes(StandardCharsets.UTF_8), spec);
        assertThat(records)
                .extracting(SourceRecords.SourceRecordNode::error)
                .containsExactly(
                        "the record id '7' appears 2 times in the body (#0, #2): which of the records is right is"
                                + " unknown, so none is published",
                        null,
                        "the record id '7' appears 2 times in the body (#0, #2): which of the records is right is"
                                + " unknown, so none is published");
    }

    @Test
    void utf8TextLabelledWindows1250IsRefused() {
        // Found by the corpus: a UTF-8 export read as windows-1250 became "PĹ™Ă­liĹˇ" and passed every check.
        byte[] utf8 = "Příliš žluťoučký kůň".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BodyText.decode(utf8, java.nio.charset.Charset.forName("windows-1250")))
                .hasMessageStartingWith("The body is not valid windows-1250: it is UTF-8");
        byte[] cp1250 = "Příliš žluťoučký kůň".getBytes(java.nio.charset.Charset.forName("windows-1250"));
        assertThat(BodyText.decode(cp1250, java.nio.charset.Charset.forName("windows-1250")))
                .isEqualTo("Příliš žluťoučký kůň");
    }

    @Test
    void anEmptyOrNullBodyIsRefusedAsSuch() {
        MappingSpec spec = new MappingSpec(
                "1",
                MappingSpec.SourceFormat.json,
                java.util.List.of(""),
                "/id",
                "{}",
                java.util.List.of(),
                "CONSTRUCT {} WHERE {}");
        assertThatThrownBy(() -> SourceRecords.split(" \n".getBytes(StandardCharsets.UTF_8), spec))
                .hasMessage("The body is empty");
        // Found by the corpus: null read as no records, which a complete snapshot would take as "delete everything".
        assertThatThrownBy(() -> SourceRecords.split("null".getBytes(StandardCharsets.UTF_8), spec))
                .hasMessage("The body has null where its records should be, not a list of them");
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String body) {
        return SourceRecords.parse(body.getBytes(StandardCharsets.UTF_8), MappingSpec.SourceFormat.json, null);
    }

    private static com.fasterxml.jackson.databind.JsonNode xml(String body) {
        return SourceRecords.parse(body.getBytes(StandardCharsets.UTF_8), MappingSpec.SourceFormat.xml, null);
    }
}
