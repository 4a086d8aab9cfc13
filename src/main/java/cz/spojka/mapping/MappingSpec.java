package cz.spojka.mapping;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * @param recordIdPointers JSON Pointers, inside one record, to the parts of the record's id in the source system: one
 *     for an id field, several for a composite key (the id is the parts joined with {@code /})
 * @param context JSON-LD context (JSON text) the records are read with, replacing any {@code @context} they carry;
 *     {@code null} to read JSON-LD records with their own context
 * @param entities the classes whose instances are entities, with the event kind each publishes as
 * @param construct SPARQL CONSTRUCT from the record's RDF to the shared vocabulary; see {@link MappingBindings}
 * @param source how the body's bytes are read into records: charset, CSV dialect, record selection
 */
public record MappingSpec(
        String version,
        SourceFormat format,
        List<String> recordsPointers,
        List<String> recordIdPointers,
        String context,
        List<EntityClass> entities,
        String construct,
        SourceOptions source) {

    public MappingSpec {
        if (recordsPointers.isEmpty()) {
            throw new IllegalArgumentException("a mapping needs at least one records pointer");
        }
        recordsPointers = List.copyOf(recordsPointers);
    }

    /** A mapping whose records are at one pointer, with a one-field record id and the default {@link SourceOptions}. */
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

    /** A mapping whose records are at the first of several pointers that finds them, with a one-field record id. */
    public MappingSpec(
            String version,
            SourceFormat format,
            List<String> recordsPointers,
            String recordIdPointer,
            String context,
            List<EntityClass> entities,
            String construct) {
        this(
                version,
                format,
                recordsPointers,
                List.of(recordIdPointer),
                context,
                entities,
                construct,
                SourceOptions.DEFAULT);
    }

    /** The record id's pointers as messages name them: {@code /id}, or {@code /a + /b} for a composite id. */
    public String recordIdPointer() {
        return String.join(" + ", recordIdPointers);
    }

    /** How a fetched body is parsed into records before they are read as JSON-LD. */
    public enum SourceFormat {
        jsonld,
        json,
        xml,
        csv,
        kxx;

        /** Whether each line (CSV row, KXX data line) of the body is a record, rather than a node of a tree. */
        public boolean lineBased() {
            return this == csv || this == kxx;
        }
    }

    /**
     * @param classIri instances of this class are entities with their own IRI, change events and SHACL shape
     * @param kind the entity kind in event types: {@code cz.spojka.<kind>.created}
     */
    public record EntityClass(String classIri, String kind) {}

    /**
     * How the body's bytes become records.
     *
     * @param charset the body's character encoding; {@code null} when the mapping names none: CSV and KXX are then
     *     read as UTF-8, JSON and XML by their parsers' own detection (JSON's UTF-8/16/32, the XML declaration)
     * @param csv the CSV dialect; {@code null} for other formats
     * @param select JSON Pointer → regular expression: only the records whose value at every pointer matches its
     *     expression whole are records of the dataset; empty to take every record
     */
    public record SourceOptions(Charset charset, Csv csv, Map<String, Pattern> select) {

        public static final SourceOptions DEFAULT = new SourceOptions(null, null, Map.of());
    }

    /**
     * A CSV dialect.
     *
     * @param delimiter the cell separator
     * @param quote the character that encloses a cell containing delimiters, quotes or line breaks
     * @param header whether the first row names the columns
     * @param columns the column names when there is no header row; empty with a header row
     */
    public record Csv(char delimiter, char quote, boolean header, List<String> columns) {

        public static final Csv DEFAULT = new Csv(',', '"', true, List.of());
    }
}
