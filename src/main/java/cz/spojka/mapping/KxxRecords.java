package cz.spojka.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a KXX body — the fixed-width exchange format in which municipal accounting systems send budget and
 * accounting records to the State Treasury — into records: one record per data line ({@code G/@}), with the values of
 * its section header ({@code 6/@}: IČO, year, month, kind of data) copied in, its line description ({@code G/$}) as
 * {@code text}, and an id made of the section, the document number and the line's position in its document. The
 * layout is described in docs/mapping.md ("How KXX becomes JSON").
 *
 * <p>A malformed data or description line is a record rejected with its line number; a body that does not start with
 * a file header ({@code 5/@}), or with a malformed section header, fails as a whole, since no line after it could be
 * placed. Document descriptions ({@code G/#}) are not copied: they are free text about the counterparties, often
 * natural persons, which the hub has no business passing on.
 */
final class KxxRecords {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern FILE_HEADER = Pattern.compile("5/@([0-9]{8})([0-9]{2})?00([0-9]{2})000([A-Z0-9]{4})");
    private static final Pattern SECTION_HEADER =
            Pattern.compile("6/@([0-9]{8})([0-9]{2})?([0-9]{2})([0-9]{2}) ([0-9]) ([0-9]{4})");
    private static final Pattern LINE_DESCRIPTION = Pattern.compile("G/\\$([0-9]{4})( *[0-9]+)(.*)");
    private static final int DATA_LINE_LENGTH = 109;

    /** What a field of a data line holds, and so what its characters may be. */
    private enum Role {
        CODE("[0-9]+"),
        DOCUMENT(" *[0-9]+"),
        SEPARATOR("000"),
        AMOUNT("[0-9]+"),
        SIGN("[ cC-]");

        private final Pattern content;

        Role(String content) {
            this.content = Pattern.compile(content);
        }
    }

    /** A fixed-width field of a data line: its name in the record, its first column (1-based), its width. */
    private record Field(String name, int column, int width, Role role, String meaning) {
        String value(String line) {
            return line.substring(column - 1, column - 1 + width);
        }
    }

    private static final List<Field> DATA_LINE = List.of(
            new Field("den", 4, 2, Role.CODE, "the day"),
            new Field("doklad", 6, 9, Role.DOCUMENT, "the document number"),
            new Field("", 15, 3, Role.SEPARATOR, "the separator 000"),
            new Field("su", 18, 3, Role.CODE, "the synthetic account"),
            new Field("au", 21, 4, Role.CODE, "the analytic account"),
            new Field("kap", 25, 2, Role.CODE, "the chapter"),
            new Field("odpa", 27, 6, Role.CODE, "the paragraph"),
            new Field("pol", 33, 4, Role.CODE, "the budget item"),
            new Field("zj", 37, 3, Role.CODE, "the record unit"),
            new Field("uz", 40, 9, Role.CODE, "the purpose mark"),
            new Field("orj", 49, 10, Role.CODE, "the organisation unit"),
            new Field("org", 59, 13, Role.CODE, "the organisation"),
            new Field("md", 72, 18, Role.AMOUNT, "the debit amount"),
            new Field("", 90, 1, Role.SIGN, "the sign of the debit amount"),
            new Field("dal", 91, 18, Role.AMOUNT, "the credit amount"),
            new Field("", 109, 1, Role.SIGN, "the sign of the credit amount"));

    /** The values of the current section header that every data line of the section carries. */
    private record Section(String ico, String unit, String year, String month, String kind) {
        String key() {
            return year + "-" + month + "-" + kind;
        }
    }

    private final List<SourceLine> records = new ArrayList<>();
    private final Map<String, Integer> linesOfDocument = new HashMap<>();
    private final Map<String, ObjectNode> lastLineOfDocument = new HashMap<>();
    private String fileIco;
    private Section section;

    private KxxRecords() {}

    static List<SourceLine> read(String text) {
        KxxRecords reader = new KxxRecords();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                reader.line(i + 1, lines[i].stripTrailing());
            }
        }
        return reader.records;
    }

    private void line(int number, String line) {
        String type = line.length() < 3 ? line : line.substring(0, 3);
        if (fileIco == null) {
            fileHeader(number, line);
            return;
        }
        switch (type) {
            case "6/@" -> sectionHeader(number, line);
            case "G/@" -> dataLine(number, line);
            case "G/$" -> lineDescription(number, line);
            case "G/#" -> {
                // A document description: not copied (see the class comment).
            }
            default ->
                records.add(SourceLine.malformed(
                        number,
                        NODES.textNode(line),
                        "unknown line type '" + type + "'; a KXX line starts with 5/@, 6/@, G/@, G/$ or G/#"));
        }
    }

    private void fileHeader(int number, String line) {
        Matcher header = FILE_HEADER.matcher(line);
        if (!header.matches()) {
            throw new MappingException("The body is not KXX: line " + number + " is not a file header"
                    + " (5/@<IČO, 8 digits>[2 digits]00<month>000<licence, 4 characters>): '" + line + "'");
        }
        fileIco = header.group(1);
    }

    private void sectionHeader(int number, String line) {
        Matcher header = SECTION_HEADER.matcher(line);
        if (!header.matches()) {
            throw new MappingException("The body is not well-formed KXX: line " + number + " is not a section header"
                    + " (6/@<IČO, 8 digits>[2 digits]<month><kind of data> <input> <year>): '" + line + "'");
        }
        if (!header.group(1).equals(fileIco)) {
            throw new MappingException("The body is not well-formed KXX: line " + number + " has the IČO "
                    + header.group(1) + ", but the file header has " + fileIco);
        }
        section = new Section(header.group(1), header.group(2), header.group(6), header.group(3), header.group(4));
    }

    private void dataLine(int number, String line) {
        if (section == null) {
            records.add(malformed(number, line, "a data line (G/@) before the first section header (6/@)"));
            return;
        }
        if (line.length() < DATA_LINE_LENGTH - 1 || line.length() > DATA_LINE_LENGTH) {
            records.add(malformed(
                    number,
                    line,
                    "a data line (G/@) has " + DATA_LINE_LENGTH + " characters, this one " + line.length()));
            return;
        }
        // Some systems strip the trailing blank that is the sign of a positive credit amount.
        String padded = line.length() < DATA_LINE_LENGTH ? line + " " : line;
        for (Field field : DATA_LINE) {
            String value = field.value(padded);
            if (!field.role().content.matcher(value).matches()) {
                records.add(malformed(
                        number,
                        line,
                        "characters " + field.column() + "–" + (field.column() + field.width() - 1) + " ("
                                + field.meaning() + ") are '" + value + "'"));
                return;
            }
        }
        records.add(SourceLine.of(number, fields(padded)));
    }

    private ObjectNode fields(String line) {
        String document =
                String.valueOf(Long.parseLong(DATA_LINE.get(1).value(line).strip()));
        String documentKey = section.key() + "-" + document;
        int position = linesOfDocument.merge(documentKey, 1, Integer::sum);
        ObjectNode fields = NODES.objectNode();
        fields.put("id", documentKey + "-" + position);
        fields.put("ico", section.ico());
        if (section.unit() != null) {
            fields.put("jednotka", section.unit());
        }
        fields.put("rok", section.year());
        fields.put("mesic", section.month());
        fields.put("druh_dat", section.kind());
        fields.put("doklad", document);
        fields.put("radek", String.valueOf(position));
        for (int i = 0; i < DATA_LINE.size(); i++) {
            Field field = DATA_LINE.get(i);
            if (field.role() == Role.CODE) {
                fields.put(field.name(), field.value(line));
            } else if (field.role() == Role.AMOUNT) {
                fields.put(
                        field.name(),
                        amount(field.value(line), DATA_LINE.get(i + 1).value(line)));
            }
        }
        lastLineOfDocument.put(documentKey, fields);
        return fields;
    }

    /** An amount in hundredths with its sign in the next column: a blank is positive, '-', 'c' or 'C' negative. */
    private static String amount(String digits, String sign) {
        BigDecimal amount = new BigDecimal(new BigInteger(digits), 2);
        return (sign.equals(" ") ? amount : amount.negate()).toPlainString();
    }

    private void lineDescription(int number, String line) {
        Matcher description = LINE_DESCRIPTION.matcher(line);
        if (!description.matches() || description.group(2).length() != 9) {
            records.add(malformed(
                    number, line, "not a line description (G/$<line, 4 digits><document, 9 characters><text>)"));
            return;
        }
        String document = String.valueOf(Long.parseLong(description.group(2).strip()));
        ObjectNode described = section == null ? null : lastLineOfDocument.get(section.key() + "-" + document);
        if (described == null) {
            records.add(malformed(
                    number,
                    line,
                    "a line description (G/$) of document " + document
                            + ", which has no data line before it in this section"));
            return;
        }
        String text = description.group(3).strip();
        described.put("text", described.has("text") ? described.get("text").asText() + "\n" + text : text);
    }

    private static SourceLine malformed(int number, String line, String reason) {
        return SourceLine.malformed(number, NODES.textNode(line), reason);
    }
}
