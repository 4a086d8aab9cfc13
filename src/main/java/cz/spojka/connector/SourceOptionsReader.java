package cz.spojka.connector;

import cz.spojka.mapping.MappingSpec;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and checks how a {@code mapping.yaml} reads the body's bytes: {@code charset}, the {@code csv} dialect and
 * {@code select}. Every problem is collected by the {@link ConnectorReader}.
 */
final class SourceOptionsReader {

    static final List<String> CSV_FIELDS = List.of("delimiter", "quote", "header", "columns");
    private static final Pattern POINTER = Pattern.compile("(/[^/]*)+");

    private SourceOptionsReader() {}

    /** The options; {@code format} is null when the format itself is wrong (then the csv block is not judged). */
    static MappingSpec.SourceOptions read(ConnectorReader in, MappingSpec.SourceFormat format) {
        return new MappingSpec.SourceOptions(charset(in), csv(in, format), select(in));
    }

    private static Charset charset(ConnectorReader in) {
        String name = in.optional("charset", null);
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            in.problem("charset", "unknown charset '" + name + "'; e.g. UTF-8, windows-1250, ISO-8859-2");
            return null;
        }
    }

    private static MappingSpec.Csv csv(ConnectorReader in, MappingSpec.SourceFormat format) {
        boolean isCsv = format == MappingSpec.SourceFormat.csv;
        if (in.raw("csv") == null) {
            return isCsv ? MappingSpec.Csv.DEFAULT : null;
        }
        if (!isCsv) {
            if (format != null) {
                in.problem("csv", "is only for format 'csv', not '" + format + "'");
            }
            return null;
        }
        in.onlyKnownKeys("csv", CSV_FIELDS);
        char delimiter = character(in, "csv.delimiter", MappingSpec.Csv.DEFAULT.delimiter());
        char quote = character(in, "csv.quote", MappingSpec.Csv.DEFAULT.quote());
        if (delimiter == quote) {
            in.problem("csv.quote", "must differ from the delimiter '" + delimiter + "'");
        }
        boolean header =
                !"false".equals(in.oneOf("csv.header", in.optional("csv.header", "true"), List.of("true", "false")));
        List<String> columns = columns(in);
        if (header && !columns.isEmpty()) {
            in.problem(
                    "csv.columns",
                    "is only for a body without a header row (header: false); a header row names the columns itself");
        }
        if (!header && columns.isEmpty()) {
            in.problem("csv.columns", "is required with header: false: the names of the columns, in order");
        }
        return new MappingSpec.Csv(delimiter, quote, header, columns);
    }

    private static char character(ConnectorReader in, String field, char defaultValue) {
        String value = in.optional(field, String.valueOf(defaultValue));
        if (value.length() != 1) {
            in.problem(field, "'" + value + "' is not a single character (e.g. ',', ';' or \"\\t\" for a tab)");
            return defaultValue;
        }
        return value.charAt(0);
    }

    private static List<String> columns(ConnectorReader in) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<?> declared = in.list("csv.columns");
        for (int i = 0; i < declared.size(); i++) {
            String field = "csv.columns[" + i + "]";
            if (!(declared.get(i) instanceof String name) || name.isBlank()) {
                in.problem(field, "must be a column name (text)");
            } else if (!seen.add(name)) {
                in.problem(field, "names the column '" + name + "' twice");
            } else {
                columns.add(name);
            }
        }
        return columns;
    }

    private static Map<String, Pattern> select(ConnectorReader in) {
        Map<String, Pattern> select = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : in.map("select").entrySet()) {
            String field = "select." + entry.getKey();
            if (!POINTER.matcher(entry.getKey()).matches()) {
                in.problem(field, "'" + entry.getKey() + "' is not a JSON Pointer to a field ('/kind')");
            } else if (!(entry.getValue() instanceof String expression)) {
                in.problem(field, "must be a regular expression (text), not a mapping or a list");
            } else {
                try {
                    select.put(entry.getKey(), Pattern.compile(expression));
                } catch (PatternSyntaxException e) {
                    in.problem(field, "'" + expression + "' is not a regular expression: " + e.getDescription());
                }
            }
        }
        return select;
    }
}
