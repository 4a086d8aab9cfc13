package cz.spojka.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import cz.spojka.system.SpojkaProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;

/**
 * The hub's AsyncAPI 3.0 document: the fixed part ({@code spojka-asyncapi.yaml}: headers, payload schemas, the
 * dead-letter channel, the tombstone) completed with what the configuration and the connectors decide: the Kafka
 * server, the topics' names, partitions and replicas, and one message per dataset whose {@code ce_type} lists the
 * dataset's event types and whose {@code x-spojka-entities} names each kind's classes and SHACL shapes. The public
 * change log lists the messages of the public datasets only.
 */
final class AsyncApiDocument {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final String SKELETON = "spojka-asyncapi.yaml";
    private static final String TOMBSTONE = "tombstone";

    private AsyncApiDocument() {}

    /**
     * @param shapeOfClass class IRI → the URL of its SHACL shape
     */
    static ObjectNode of(
            EventCatalog catalog,
            SpojkaProperties.Kafka kafka,
            String bootstrapServers,
            Map<String, URI> shapeOfClass) {
        ObjectNode document = skeleton();
        document.withObjectProperty("servers").withObjectProperty("kafka").put("host", bootstrapServers);
        ObjectNode channels = document.withObjectProperty("channels");
        ObjectNode changes = compactedTopic(channels.withObjectProperty("changes"), kafka.changesTopic(), kafka);
        ObjectNode publicChanges =
                compactedTopic(channels.withObjectProperty("publicChanges"), kafka.publicChangesTopic(), kafka);
        ObjectNode deadletter = channels.withObjectProperty("deadletter");
        deadletter.put("address", kafka.deadletterTopic());
        deadletter.withObjectProperty("bindings").withObjectProperty("kafka").put("topic", kafka.deadletterTopic());

        ObjectNode messages = document.withObjectProperty("components").withObjectProperty("messages");
        catalog.datasets().values().forEach(dataset -> messages.set(dataset.id(), message(dataset, shapeOfClass)));
        ObjectNode operations = document.withObjectProperty("operations");
        listMessages(
                changes,
                operations.withObjectProperty("receiveChanges"),
                "changes",
                catalog.datasets().values());
        listMessages(
                publicChanges,
                operations.withObjectProperty("receivePublicChanges"),
                "publicChanges",
                catalog.datasets().values().stream()
                        .filter(EventCatalog.Dataset::open)
                        .toList());
        return document;
    }

    /** The address and the Kafka binding of a compacted topic of change events. */
    private static ObjectNode compactedTopic(ObjectNode channel, String topic, SpojkaProperties.Kafka kafka) {
        channel.put("address", topic);
        channel.withObjectProperty("bindings")
                .withObjectProperty("kafka")
                .put("topic", topic)
                .put("partitions", kafka.partitions())
                .put("replicas", kafka.replicationFactor())
                .put("bindingVersion", "0.5.0")
                .withObjectProperty("topicConfiguration")
                .put("delete.retention.ms", 604_800_000L)
                .putArray("cleanup.policy")
                .add("compact");
        return channel;
    }

    /** The channel's messages, one per dataset and the tombstone, and the operation that receives them. */
    private static void listMessages(
            ObjectNode channel, ObjectNode operation, String channelName, Collection<EventCatalog.Dataset> datasets) {
        ObjectNode channelMessages = channel.putObject("messages");
        ArrayNode operationMessages = operation.putArray("messages");
        for (EventCatalog.Dataset dataset : datasets) {
            channelMessages.putObject(dataset.id()).put("$ref", "#/components/messages/" + dataset.id());
            operationMessages.addObject().put("$ref", "#/channels/" + channelName + "/messages/" + dataset.id());
        }
        channelMessages.putObject(TOMBSTONE).put("$ref", "#/components/messages/" + TOMBSTONE);
        operationMessages.addObject().put("$ref", "#/channels/" + channelName + "/messages/" + TOMBSTONE);
    }

    static String yaml(ObjectNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode message(EventCatalog.Dataset dataset, Map<String, URI> shapeOfClass) {
        ObjectNode message = YAML.createObjectNode();
        message.put("name", dataset.id());
        message.put("title", dataset.titleEn() + " (" + dataset.titleCs() + ")");
        message.put("summary", "A change of an entity of the dataset " + dataset.id() + ".");
        message.putArray("traits").addObject().put("$ref", "#/components/messageTraits/cloudEvent");
        ObjectNode headers = message.putObject("headers").put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        ArrayNode types = properties.putObject("ce_type").put("type", "string").putArray("enum");
        dataset.types().forEach(types::add);
        properties.putObject("ce_dataset").put("type", "string").put("const", dataset.id());
        message.putObject("payload").put("$ref", "#/components/schemas/changeData");
        ArrayNode entities = message.putArray("x-spojka-entities");
        dataset.kinds().forEach((kind, classes) -> entities.add(entity(kind, classes, shapeOfClass)));
        return message;
    }

    private static ObjectNode entity(String kind, SortedSet<String> classes, Map<String, URI> shapeOfClass) {
        ObjectNode entity = YAML.createObjectNode().put("kind", kind);
        ArrayNode classList = entity.putArray("classes");
        ArrayNode shapes = entity.putArray("dataschemas");
        for (String classIri : classes) {
            classList.add(classIri);
            URI shape = shapeOfClass.get(classIri);
            if (shape != null) {
                shapes.add(shape.toString());
            }
        }
        return entity;
    }

    private static ObjectNode skeleton() {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(SKELETON)) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the AsyncAPI skeleton " + SKELETON, e);
        }
    }
}
