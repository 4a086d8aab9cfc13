package cz.spojka.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV body (commons-csv) into records: each row becomes an object of column name → text, with empty cells
 * left out, so that the row maps through the same JSON-LD context and CONSTRUCT as any JSON record. A row with more or
 * fewer cells than there are columns is a malformed record, rejected with its line; a body the CSV parser cannot read
 * at all (an unterminated quote) or a header row with an unnamed or repeated column fails as a whole.
 */
final class CsvRecords {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CsvRecords() {}

    static List<SourceLine> read(String text, MappingSpec.Csv csv) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(csv.delimiter())
                .setQuote(csv.quote())
                .setIgnoreEmptyLines(true)
                .get();
        int[] lineStarts = lineStarts(text);
        List<SourceLine> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> rows = parser.iterator();
            List<String> columns = csv.columns();
            if (csv.header()) {
                if (!rows.hasNext()) {
                    return records;
                }
                CSVRecord header = rows.next();
                columns = columns(header, line(lineStarts, header));
            }
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                records.add(record(row, line(lineStarts, row), columns));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MappingException("The body is not well-formed CSV: " + e.getMessage(), e);
        }
        return records;
    }

    private static List<String> columns(CSVRecord header, int line) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : header.values()) {
            // Exported headers often carry padding ("Položka "); the names are compared without it.
            String name = cell.strip();
            if (name.isEmpty()) {
                throw new MappingException(
                        "line " + line + ": column " + (columns.size() + 1) + " of the header row has no name");
            }
            if (!seen.add(name)) {
                throw new MappingException("line " + line + ": the header row names the column '" + name + "' twice");
            }
            columns.add(name);
        }
        return columns;
    }

    private static SourceLine record(CSVRecord row, int line, List<String> columns) {
        String[] cells = row.values();
        if (cells.length != columns.size()) {
            ArrayNode content = NODES.arrayNode();
            Arrays.stream(cells).forEach(content::add);
            return SourceLine.malformed(
                    line, content, cells.length + " cells, but there are " + columns.size() + " columns");
        }
        ObjectNode fields = NODES.objectNode();
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                fields.put(columns.get(i), cells[i]);
            }
        }
        return SourceLine.of(line, fields);
    }

    /** The offset of the first character of every line, so a row's character position gives its line. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int line(int[] lineStarts, CSVRecord row) {
        int found = Arrays.binarySearch(lineStarts, (int) row.getCharacterPosition());
        return found >= 0 ? found + 1 : -found - 1;
    }
}
