package cz.spojka.downloads;

import cz.spojka.store.StoreReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * A dataset as a CSV table for a spreadsheet: RFC 4180, UTF-8, a header with the declared column names, then one
 * line per solution of the table's SELECT, written as the store reads it.
 */
final class CsvDownload {

    /** Lets Excel open the file as UTF-8 (it guesses the local code page otherwise); CSV readers skip it. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvDownload() {}

    static void write(DatasetTable table, List<Node> graphs, StoreReader store, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        csv.printRecord(table.columnNames());
        try {
            store.inOneRead(() -> {
                for (Node graph : graphs) {
                    store.select(
                            table.query(), Map.of(DatasetTable.GRAPH_VARIABLE, graph), row -> print(csv, table, row));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private static void print(CSVPrinter csv, DatasetTable table, Binding row) {
        List<String> values = new ArrayList<>(table.columns().size());
        for (String column : table.columnNames()) {
            values.add(cell(row.get(column)));
        }
        try {
            csv.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An IRI as itself, a literal as its lexical form without language or datatype; a double as a plain decimal
     * ({@code 16.6}, not {@code 1.66E1}), which every spreadsheet reads as a number. Unbound and blank nodes are empty.
     */
    static String cell(Node value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (value.isURI()) {
            return value.getURI();
        }
        String lexical = value.getLiteralLexicalForm();
        if ((XSDDatatype.XSDdouble.equals(value.getLiteralDatatype())
                        || XSDDatatype.XSDfloat.equals(value.getLiteralDatatype()))
                && value.getLiteralDatatype().isValid(lexical)) {
            double number = ((Number) value.getLiteralValue()).doubleValue();
            if (Double.isFinite(number)) {
                return new BigDecimal(Double.toString(number)).toPlainString();
            }
        }
        return lexical;
    }
}
