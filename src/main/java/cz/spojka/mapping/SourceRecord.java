package cz.spojka.mapping;

/**
 * One record of a fetched body, before mapping.
 *
 * @param id the record's id in the source system ({@code #<index>} when the record has none, for error messages)
 * @param json the record as JSON text, kept for the dead-letter log
 */
public record SourceRecord(String id, String json) {}
