package cz.spojka.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The change log's event format, written and read in one place. Each change is a CloudEvent (binary mode on Kafka:
 * attributes in {@code ce_*} headers, the data as the record value):
 * <ul>
 *   <li>{@code type} {@code cz.spojka.<kind>.created|updated|deleted}, {@code subject} the entity IRI,
 *       {@code source} the connector ({@code <base>connectors/<id>}), {@code time} the fetch time,
 *       {@code dataschema} the SHACL shape of the entity's class ({@code <base>vocab/shapes/<file>#<shape>}; absent on
 *       deletions and for a class no shape targets);</li>
 *   <li>extensions {@code dataset}, {@code graph} (the named graph), {@code connector}, {@code recordid},
 *       {@code entityhash} (hash of the entity's canonical form; absent on deletions);</li>
 *   <li>{@code data} ({@code application/json}): {@code {"entity": <compact JSON-LD with its @context>,
 *       "changed": [<property IRI>, ...], "provenance": {...}}}; {@code changed} only on updates; a deletion's entity
 *       is just {@code {"@id": <iri>}}.</li>
 * </ul>
 * A deletion event is followed by a tombstone (the same key, no value, no headers), so that compaction eventually
 * drops the deleted entity from the topic. {@link #fromEvent} also reads the events written before the entity was
 * compact, whose entity is expanded JSON-LD and which have no {@code changed}.
 */
public final class ChangeEvents {

    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String EXT_DATASET = "dataset";
    public static final String EXT_GRAPH = "graph";
    static final String EXT_CONNECTOR = "connector";
    static final String EXT_RECORD = "recordid";
    static final String EXT_HASH = "entityhash";
    private static final String TYPE_PREFIX = "cz.spojka.";
    private static final String CHANGED = "changed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseIri;
    private final CompactIris prefixes;
    private final Map<String, URI> shapeOfClass;

    /**
     * @param prefixes the vocabulary's prefixes, which the entities are compacted with
     * @param shapeOfClass class IRI → the URL of the SHACL shape that targets it, the events' {@code dataschema}
     */
    public ChangeEvents(String baseIri, CompactIris prefixes, Map<String, URI> shapeOfClass) {
        this.baseIri = baseIri;
        this.prefixes = prefixes;
        this.shapeOfClass = shapeOfClass;
    }

    public URI connectorSource(String connectorId) {
        return URI.create(baseIri + "connectors/" + connectorId);
    }

    /** The IRI the hub gives a source system's record: {@code <base>connectors/<id>/records/<record id>}. */
    public String sourceRecord(String connectorId, String recordId) {
        return connectorSource(connectorId) + "/records/" + pathSegment(recordId);
    }

    /** The IRI of a connector run: {@code <base>connectors/<id>/runs/<run id>}. */
    public String run(String connectorId, String runId) {
        return connectorSource(connectorId) + "/runs/" + runId;
    }

    /** A record id as one path segment: ids carry '/', '#', spaces and non-ASCII letters. */
    private static String pathSegment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public CloudEvent toEvent(Change change) {
        Provenance provenance = change.provenance();
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(connectorSource(provenance.connectorId()))
                .withType(change.eventType())
                .withSubject(change.entityIri())
                .withTime(OffsetDateTime.ofInstant(provenance.fetchedAt(), ZoneOffset.UTC))
                .withExtension(EXT_DATASET, change.dataset())
                .withExtension(EXT_GRAPH, change.graphIri())
                .withExtension(EXT_CONNECTOR, provenance.connectorId())
                .withExtension(EXT_RECORD, provenance.recordId());
        if (change.type() != ChangeType.DELETED) {
            builder.withExtension(EXT_HASH, change.hash());
            dataSchema(change).ifPresent(builder::withDataSchema);
        }
        return builder.withDataContentType(DATA_CONTENT_TYPE)
                .withData(data(change))
                .build();
    }

    /** The shape of the first of the entity's classes, in IRI order, that a shape targets. */
    private Optional<URI> dataSchema(Change change) {
        return change
                .entity()
                .find(NodeFactory.createURI(change.entityIri()), RDF.type.asNode(), Node.ANY)
                .mapWith(t -> t.getObject().isURI() ? t.getObject().getURI() : "")
                .toList()
                .stream()
                .sorted()
                .map(shapeOfClass::get)
                .filter(Objects::nonNull)
                .findFirst();
    }

    private byte[] data(Change change) {
        ObjectNode data = JSON.createObjectNode();
        data.set(
                "entity",
                change.entity() == null
                        ? JSON.createObjectNode().put("@id", change.entityIri())
                        : EntityJsonLd.write(change.entity(), NodeFactory.createURI(change.entityIri()), prefixes));
        if (change.changed() != null) {
            change.changed().forEach(data.putArray(CHANGED)::add);
        }
        ObjectNode provenance = data.putObject("provenance");
        provenance.put("connector", change.provenance().connectorId());
        provenance.put(
                "connectorIri",
                connectorSource(change.provenance().connectorId()).toString());
        provenance.put("sourceRecordId", change.provenance().recordId());
        provenance.put(
                "sourceRecord",
                sourceRecord(
                        change.provenance().connectorId(), change.provenance().recordId()));
        provenance.put("fetchedAt", change.provenance().fetchedAt().toString());
        provenance.put("mappingVersion", change.provenance().mappingVersion());
        provenance.put("runId", change.provenance().runId());
        provenance.put(
                "run",
                run(change.provenance().connectorId(), change.provenance().runId()));
        try {
            return JSON.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a change back from its event; the inverse of {@link #toEvent}. */
    public static Change fromEvent(CloudEvent event) {
        String type = event.getType();
        int dot = type.lastIndexOf('.');
        if (!type.startsWith(TYPE_PREFIX) || dot <= TYPE_PREFIX.length()) {
            throw new IllegalArgumentException("Not a Spojka change event type: '" + type + "'");
        }
        ChangeType changeType = ChangeType.ofSuffix(type.substring(dot + 1));
        String kind = type.substring(TYPE_PREFIX.length(), dot);
        JsonNode data = event.getData() == null ? null : parse(event);
        Provenance provenance = new Provenance(
                text(event, EXT_CONNECTOR),
                text(event, EXT_RECORD),
                event.getTime() == null ? Instant.EPOCH : event.getTime().toInstant(),
                data == null
                        ? null
                        : data.path("provenance").path("mappingVersion").asText(null),
                data == null ? null : data.path("provenance").path("runId").asText(null));
        return new Change(
                changeType,
                event.getSubject(),
                kind,
                text(event, EXT_DATASET),
                text(event, EXT_GRAPH),
                text(event, EXT_HASH),
                changeType == ChangeType.DELETED || data == null ? null : EntityJsonLd.read(data.get("entity")),
                provenance,
                data == null || !data.has(CHANGED) ? null : changed(data.get(CHANGED)));
    }

    private static List<String> changed(JsonNode properties) {
        List<String> changed = new ArrayList<>(properties.size());
        properties.forEach(property -> changed.add(property.asText()));
        return List.copyOf(changed);
    }

    /** The change a tombstone stands for: the entity is gone (its deletion event may have been compacted away). */
    public static Change fromTombstone(String entityIri) {
        return new Change(ChangeType.DELETED, entityIri, null, null, null, null, null, null, null);
    }

    private static JsonNode parse(CloudEvent event) {
        try {
            return JSON.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Change event " + event.getId() + " for " + event.getSubject() + " has data that is not JSON: "
                            + e.getMessage(),
                    e);
        }
    }

    private static String text(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null ? null : value.toString();
    }
}
