package cz.spojka.mapping;

import java.util.List;

/**
 * A connector's declarative mapping ({@code connectors/<id>/mapping.yaml}), already validated: how a fetched body is
 * split into records, how a record becomes RDF (its own or the given JSON-LD context) and the SPARQL CONSTRUCT that
 * turns it into entities of the shared vocabulary.
 *
 * @param version recorded in every entity's provenance; change it whenever the mapping changes
 * @param format how the body is parsed
 * @param recordsPointers JSON Pointers to the array of records in the parsed body ({@code ""} for the body itself),
 *     tried in order: the records are at the first one that finds anything, so one mapping can read several shapes of
 *     body (a GeoJSON FeatureCollection at {@code /features}, or a single Feature at {@code ""})
 * @param recordIdPointer JSON Pointer, inside one record, to the record's id in the source system
 * @param context JSON-LD context (JSON text) the records are read with, replacing any {@code @context} they carry;
 *     {@code null} to read JSON-LD records with their own context
 * @param entities the classes whose instances are entities, with the event kind each publishes as
 * @param construct SPARQL CONSTRUCT from the record's RDF to the shared vocabulary; see {@link MappingBindings}
 */
public record MappingSpec(
        String version,
        SourceFormat format,
        List<String> recordsPointers,
        String recordIdPointer,
        String context,
        List<EntityClass> entities,
        String construct) {

    public MappingSpec {
        if (recordsPointers.isEmpty()) {
            throw new IllegalArgumentException("a mapping needs at least one records pointer");
        }
        recordsPointers = List.copyOf(recordsPointers);
    }

    /** A mapping whose records are at one pointer. */
    public MappingSpec(
            String version,
            SourceFormat format,
            String recordsPointer,
            String recordIdPointer,
            String context,
            List<EntityClass> entities,
            String construct) {
        this(version, format, List.of(recordsPointer), recordIdPointer, context, entities, construct);
    }

    /** How a fetched body is parsed into a JSON tree before it is split into records. */
    public enum SourceFormat {
        jsonld,
        json,
        xml
    }

    /**
     * @param classIri instances of this class are entities with their own IRI, change events and SHACL shape
     * @param kind the entity kind in event types: {@code cz.spojka.<kind>.created}
     */
    public record EntityClass(String classIri, String kind) {}
}
