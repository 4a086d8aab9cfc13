package cz.spojka.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.asyncapi.schemas.asyncapi.Reference;
import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.asyncapi.v3._0_0.model.channel.Channel;
import com.asyncapi.v3._0_0.model.channel.message.Message;
import com.asyncapi.v3._0_0.model.operation.Operation;
import com.asyncapi.v3._0_0.model.server.Server;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import cz.spojka.connector.ConnectorLoader;
import cz.spojka.connector.RouteTemplates;
import cz.spojka.system.SpojkaProperties;
import cz.spojka.vocab.EntityShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document for the repository's connectors and the default configuration: valid AsyncAPI 3.0 (by the
 * specification's JSON Schema and by the AsyncAPI initiative's Java parser), its
 * event types exactly those the connectors' mappings declare, and {@code docs/asyncapi.md} rendered from it
 * ({@code mvn test -Dtest=AsyncApiDocumentTest -Dspojka.docs.update=true} rewrites it).
 */
class AsyncApiDocumentTest {

    private static final Path REFERENCE = Path.of("docs/asyncapi.md");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String BASE = "http://localhost:8080/";

    private static String served;
    private static ObjectNode document;

    @BeforeAll
    static void build() throws IOException {
        ConnectorLoader loader = new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false);
        SpojkaProperties.Kafka kafka = new SpojkaProperties.Kafka(
                "",
                new SpojkaProperties.Embedded("localhost", 9092, 9093),
                "spojka.changes",
                "spojka.deadletter",
                "spojka.public.changes",
                3,
                (short) 1,
                Duration.ofMinutes(2));
        ObjectNode built = AsyncApiDocument.of(
                EventCatalog.of(loader.loadAll(Path.of("connectors")).loaded()),
                kafka,
                "localhost:9092",
                EntityShapes.read(Path.of("vocab"), BASE).byClass());
        // What the hub serves is the YAML text; the tests read it back as a client would.
        served = AsyncApiDocument.yaml(built);
        document = (ObjectNode) YAML.readTree(served);
    }

    @Test
    void isValidAsyncApi3() {
        assertThat(AsyncApiSchema.problems(document)).isEmpty();
        assertThat(document.get("asyncapi").asText()).isEqualTo("3.0.0");
    }

    /**
     * The AsyncAPI initiative's Java parser (jasyncapi) reads the served text into its AsyncAPI 3.0 model with no
     * property it does not know, and every reference of the parsed model resolves: each operation's channel, each
     * message an operation sends or receives, each channel's message in the components.
     */
    @Test
    void theAsyncApiJavaParserReadsItAndEveryReferenceResolves() throws IOException {
        AsyncAPI parsed = AsyncApiParser.parse(served);

        assertThat(parsed.getAsyncapi()).isEqualTo("3.0.0");
        assertThat(parsed.getServers()).containsOnlyKeys("kafka");
        assertThat(((Server) parsed.getServers().get("kafka")).getProtocol()).isEqualTo("kafka");
        assertThat(parsed.getChannels()).containsOnlyKeys("changes", "publicChanges", "deadletter");
        assertThat(parsed.getOperations()).isNotEmpty();
        for (Object value : parsed.getOperations().values()) {
            Operation operation = (Operation) value;
            Channel channel = (Channel)
                    AsyncApiParser.resolve(parsed, operation.getChannel().getRef());
            assertThat(operation.getMessages()).isNotEmpty();
            for (Reference message : operation.getMessages()) {
                Reference inChannel = (Reference) AsyncApiParser.resolve(parsed, message.getRef());
                assertThat(channel.getMessages()).containsValue(inChannel);
                Message resolved = (Message) AsyncApiParser.resolve(parsed, inChannel.getRef());
                assertThat(resolved.getName()).isNotBlank();
            }
        }
        Message notices = (Message) parsed.getComponents().getMessages().get("uredni-deska");
        assertThat(notices.getPayload()).isNotNull();
        assertThat(notices.getTraits()).isNotEmpty();
        assertThat(notices.getExtensionFields()).containsKey("x-spojka-entities");
    }

    @Test
    void theAsyncApiJavaParserRefusesWhatTheModelDoesNotAllow() {
        ObjectNode broken = document.deepCopy();
        broken.withObjectProperty("operations")
                .withObjectProperty("receiveChanges")
                .put("action", "listen");
        assertThatThrownBy(() -> AsyncApiParser.parse(YAML.writeValueAsString(broken)))
                .hasMessageContaining("could not read operations.receiveChanges");
        ObjectNode unknown = document.deepCopy();
        unknown.withObjectProperty("channels").withObjectProperty("changes").put("topic", "spojka.changes");
        assertThatThrownBy(() -> AsyncApiParser.parse(YAML.writeValueAsString(unknown)))
                .hasMessageContaining("could not read channels.changes");
        ObjectNode dangling = document.deepCopy();
        dangling.withObjectProperty("operations")
                .withObjectProperty("receiveChanges")
                .withObjectProperty("channel")
                .put("$ref", "#/channels/nowhere");
        AsyncAPI parsed = AsyncApiParser.parse(dangling.toString());
        assertThatThrownBy(() -> AsyncApiParser.resolve(
                        parsed,
                        ((Operation) parsed.getOperations().get("receiveChanges"))
                                .getChannel()
                                .getRef()))
                .hasMessageContaining("#/channels/nowhere");
    }

    @Test
    void theValidatorFindsTheProblemsOfABrokenDocument() {
        ObjectNode broken = document.deepCopy();
        broken.remove("info");
        broken.withObjectProperty("channels").withObjectProperty("changes").put("address", 42);
        broken.withObjectProperty("operations")
                .withObjectProperty("receiveChanges")
                .withObjectProperty("channel")
                .put("$ref", "#/channels/nowhere");
        assertThat(String.join("\n", AsyncApiSchema.problems(broken)))
                .contains("required property 'info' not found")
                .contains("$ref '#/channels/nowhere' points at nothing in the document");
    }

    @Test
    void listsPerDatasetExactlyTheEventTypesTheConnectorsDeclare() throws IOException {
        Map<String, Set<String>> declared = new TreeMap<>();
        try (Stream<Path> folders = Files.list(Path.of("connectors"))) {
            for (Path folder : folders.sorted().toList()) {
                JsonNode connector =
                        YAML.readTree(folder.resolve("connector.yaml").toFile());
                JsonNode mapping = YAML.readTree(
                        folder.resolve(connector.get("mapping").asText()).toFile());
                Set<String> types =
                        declared.computeIfAbsent(connector.at("/dataset/id").asText(), d -> new TreeSet<>());
                mapping.get("entities").forEach(entity -> {
                    for (String change : new String[] {"created", "updated", "deleted"}) {
                        types.add("cz.spojka." + entity.get("kind").asText() + "." + change);
                    }
                });
            }
        }
        Map<String, Set<String>> listed = new TreeMap<>();
        document.at("/channels/changes/messages").fieldNames().forEachRemaining(name -> {
            if (!name.equals("tombstone")) {
                Set<String> types = new TreeSet<>();
                document.at("/components/messages/" + name + "/headers/properties/ce_type/enum")
                        .forEach(type -> types.add(type.asText()));
                listed.put(name, types);
            }
        });
        assertThat(listed).isEqualTo(declared);
        assertThat(listed.get("uredni-deska"))
                .containsExactly(
                        "cz.spojka.notice-board.created",
                        "cz.spojka.notice-board.deleted",
                        "cz.spojka.notice-board.updated",
                        "cz.spojka.notice.created",
                        "cz.spojka.notice.deleted",
                        "cz.spojka.notice.updated");
    }

    /** The public change log lists the messages of the datasets every connector of which declares them public. */
    @Test
    void thePublicChangeLogListsThePublicDatasetsOnly() throws IOException {
        Set<String> open = new TreeSet<>();
        Set<String> closed = new TreeSet<>();
        try (Stream<Path> folders = Files.list(Path.of("connectors"))) {
            for (Path folder : folders.sorted().toList()) {
                JsonNode dataset =
                        YAML.readTree(folder.resolve("connector.yaml").toFile()).get("dataset");
                boolean isPublic =
                        dataset.path("classification").asText("public").equals("public");
                (isPublic ? open : closed).add(dataset.get("id").asText());
            }
        }
        open.removeAll(closed);
        Set<String> listed = new TreeSet<>();
        document.at("/channels/publicChanges/messages").fieldNames().forEachRemaining(listed::add);
        listed.remove("tombstone");
        assertThat(listed).isEqualTo(open);
        assertThat(document.at("/channels/publicChanges/address").asText()).isEqualTo("spojka.public.changes");
        assertThat(document.at("/channels/publicChanges/bindings/kafka/topicConfiguration/cleanup.policy/0")
                        .asText())
                .isEqualTo("compact");
        assertThat(document.at("/operations/receivePublicChanges/messages").size())
                .isEqualTo(open.size() + 1);
    }

    @Test
    void namesTheShapeOfEachKindAndTheTopicsOfTheConfiguration() {
        JsonNode notice = document.at("/components/messages/uredni-deska/x-spojka-entities/0");
        assertThat(notice.get("kind").asText()).isEqualTo("notice");
        assertThat(notice.at("/dataschemas/0").asText())
                .isEqualTo(BASE + "vocab/shapes/uredni-desky.shapes.ttl#Informace");
        assertThat(document.at("/channels/changes/address").asText()).isEqualTo("spojka.changes");
        assertThat(document.at("/channels/changes/bindings/kafka/topicConfiguration/cleanup.policy/0")
                        .asText())
                .isEqualTo("compact");
        assertThat(document.at("/channels/deadletter/address").asText()).isEqualTo("spojka.deadletter");
        assertThat(document.at("/servers/kafka/host").asText()).isEqualTo("localhost:9092");
    }

    @Test
    void theRenderedContractInDocsIsCurrent() throws IOException {
        String rendered = AsyncApiMarkdown.render(document);
        if (Boolean.getBoolean("spojka.docs.update")) {
            Files.writeString(REFERENCE, rendered);
        }
        assertThat(Files.readString(REFERENCE))
                .as(REFERENCE + " is stale; regenerate it with"
                        + " mvn test -Dtest=AsyncApiDocumentTest -Dspojka.docs.update=true")
                .isEqualTo(rendered);
    }
}
