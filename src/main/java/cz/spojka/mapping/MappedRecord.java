package cz.spojka.mapping;

import java.util.List;

/**
 * The outcome of mapping one source record: its entities, or the reason it could not be mapped.
 *
 * @param record the source record (id and JSON), kept for provenance and the dead-letter log
 * @param entities the entities the record maps to; empty when rejected
 * @param error why the record was rejected, or {@code null}
 */
public record MappedRecord(SourceRecord record, List<Entity> entities, String error) {

    static MappedRecord mapped(SourceRecord record, List<Entity> entities) {
        return new MappedRecord(record, entities, null);
    }

    static MappedRecord rejected(SourceRecord record, String error) {
        return new MappedRecord(record, List.of(), error);
    }

    public boolean rejected() {
        return error != null;
    }
}
