package cz.spojka.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Turns the rows of an agenda system's SQL query into the body the mapping reads — a JSON array, one object per row,
 * keyed by column label — and proposes the largest value of the watermark column as the connector's next watermark.
 * The {@code jdbc-poll} template calls it as {@code bean:spojkaJdbcRows}; the dry run calls it on a sample database,
 * so both see the same JSON.
 *
 * <p>Values keep their JSON type where JSON-LD reads it without loss: text, whole numbers and booleans as such;
 * dates and times as ISO-8601 text; decimals with a fraction as text (JSON-LD would read them as {@code xsd:double});
 * binary values as Base64; SQL {@code NULL} columns are left out.
 */
public final class JdbcRows {

    /** The exchange property that carries the proposed watermark; the runner stores it after a successful run. */
    static final String WATERMARK_PROPERTY = ConnectorState.PROPERTY_PREFIX + "watermark";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The route's step: replaces the body (the rows as {@link JdbcQuery} returns them) with the JSON array and, when there
     * are rows, sets {@value #WATERMARK_PROPERTY}.
     *
     * @param maxRows the most rows the query may return ({@code 0}: no limit)
     */
    public void toJson(Exchange exchange, String watermarkColumn, int maxRows) {
        List<?> rows = exchange.getMessage().getBody(List.class);
        Result result = convert(rows == null ? List.of() : rows, watermarkColumn, maxRows);
        exchange.getMessage().setBody(result.body());
        if (result.watermark() != null) {
            exchange.setProperty(WATERMARK_PROPERTY, result.watermark());
        }
    }

    /**
     * @param body the rows as a JSON array
     * @param watermark the next watermark, or {@code null} when there were no rows (keep the current one)
     */
    record Result(byte[] body, String watermark) {}

    /**
     * Converts rows in the order the query returned them.
     *
     * <p>They must come in ascending order of the watermark column: when a run returns {@code maxRows} rows, the
     * query may have cut off further rows that share the last watermark value, so the proposed watermark is then the
     * largest value below the last one, and the next run fetches those rows again (change detection publishes the
     * ones already seen as unchanged). A full page whose rows all share one value cannot make progress: it fails.
     *
     * @throws IllegalArgumentException when a row lacks the watermark column, or the rows are out of order
     * @throws IllegalStateException when a full page holds a single watermark value
     */
    static Result convert(List<?> rows, String watermarkColumn, int maxRows) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        Object last = null;
        Object belowLast = null;
        for (Object item : rows) {
            Map<?, ?> row = (Map<?, ?>) item;
            Object value = watermark(row, watermarkColumn, array.size());
            if (last != null && compare(value, last) < 0) {
                throw new IllegalArgumentException("the rows are not in ascending order of the watermark column '"
                        + watermarkColumn + "' (row " + (array.size() + 1) + ": " + text(value) + " after "
                        + text(last) + "); end the query with ORDER BY " + watermarkColumn);
            }
            if (last != null && compare(value, last) > 0) {
                belowLast = last;
            }
            last = value;
            array.add(object(row));
        }
        if (last == null) {
            return new Result(bytes(array), null);
        }
        boolean fullPage = maxRows > 0 && rows.size() >= maxRows;
        if (fullPage && belowLast == null) {
            throw new IllegalStateException("all " + rows.size() + " rows (maxRows) have the same " + watermarkColumn
                    + " " + text(last) + ", so the next run could not continue after them; raise maxRows above"
                    + " the number of rows that share one " + watermarkColumn);
        }
        return new Result(bytes(array), text(fullPage ? belowLast : last));
    }

    private static Object watermark(Map<?, ?> row, String column, int index) {
        if (!row.containsKey(column)) {
            throw new IllegalArgumentException("row " + (index + 1) + " has no column '" + column
                    + "' (watermarkColumn); its columns: "
                    + String.join(
                            ", ", row.keySet().stream().map(String::valueOf).toList()));
        }
        Object value = row.get(column);
        if (value == null) {
            throw new IllegalArgumentException(
                    "row " + (index + 1) + " has no value in the watermark column '" + column + "' (NULL)");
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (a instanceof Comparable comparable && a.getClass().isInstance(b)) {
            return comparable.compareTo(b);
        }
        return text(a).compareTo(text(b));
    }

    private static ObjectNode object(Map<?, ?> row) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        row.forEach((column, value) -> {
            if (value != null) {
                object.set(String.valueOf(column), json(value));
            }
        });
        return object;
    }

    private static JsonNode json(Object value) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (value instanceof String text) {
            return json.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return json.booleanNode(flag);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return json.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger whole) {
            return json.numberNode(whole);
        }
        if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            return json.numberNode(decimal.toBigIntegerExact());
        }
        if (value instanceof Double || value instanceof Float) {
            return json.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return json.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        return json.textNode(text(value));
    }

    /** The text of a value as it appears in the body and in the stored watermark. */
    static String text(Object value) {
        if (value instanceof Timestamp timestamp) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(timestamp.toLocalDateTime());
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Time time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time.toLocalTime());
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((TemporalAccessor) value);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static byte[] bytes(ArrayNode array) {
        try {
            return JSON.writeValueAsBytes(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the rows as JSON: " + e.getMessage(), e);
        }
    }
}
