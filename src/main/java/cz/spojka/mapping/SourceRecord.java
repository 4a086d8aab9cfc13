package cz.spojka.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record of a fetched body, before mapping.
 *
 * @param id the record's id in the source system, or {@code #<index>} when it has none (for messages)
 * @param identified whether the record has an id of its own; an unidentified rejected record could have been any of
 *     the connector's records, so its run derives no deletions
 * @param node the record as parsed, kept for the dead-letter log
 */
public record SourceRecord(String id, boolean identified, JsonNode node) {

    /** The record as JSON text; written only when needed (a dead letter), as most records never are. */
    public String json() {
        return node.toString();
    }
}
