package cz.spojka.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record of a line-based body (a CSV row, a KXX data line) as read: its fields, or why the line is malformed.
 *
 * @param number the 1-based line of the body where the record starts
 * @param node the record's fields (an object of text values) or, for a malformed line, what was read of it
 * @param error why the line is malformed, naming the line; {@code null} for a well-formed record
 */
record SourceLine(int number, JsonNode node, String error) {

    static SourceLine of(int number, ObjectNode fields) {
        return new SourceLine(number, fields, null);
    }

    static SourceLine malformed(int number, JsonNode content, String reason) {
        return new SourceLine(number, content, "line " + number + ": " + reason);
    }
}
