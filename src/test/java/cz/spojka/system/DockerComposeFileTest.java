package cz.spojka.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the production {@code docker-compose.yml} without a Docker engine: it must be valid
 * against the Compose Specification JSON Schema and must wire the hub to the KRaft Kafka
 * service as documented in {@code docs/deployment.md}.
 */
class DockerComposeFileTest {

    /** Relative to the working directory, which is the project root under Maven. */
    private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");

    private static final String SCHEMA_RESOURCE = "compose-spec.json";
    private static final String BROKEN_FIXTURE = "broken-compose.yml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema composeSchema;
    private static JsonNode compose;

    @BeforeAll
    static void load() throws IOException {
        assertTrue(
                Files.isRegularFile(COMPOSE_FILE),
                () -> COMPOSE_FILE.toAbsolutePath() + " not found (run from the project root)");
        compose = YAML.readTree(COMPOSE_FILE.toFile());

        // The Compose schema is draft-07 and all its $refs are local, so nothing is fetched.
        // It is loaded by location (not as a bare JsonNode) so that its relative
        // "$id": "compose_spec.json" has a base IRI to resolve against.
        assertNotNull(DockerComposeFileTest.class.getResource(SCHEMA_RESOURCE), "compose-spec.json resource missing");
        composeSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:cz/spojka/system/" + SCHEMA_RESOURCE));
    }

    @Test
    void composeFileIsValidAgainstComposeSpecification() {
        Set<ValidationMessage> messages = composeSchema.validate(compose);
        assertTrue(
                messages.isEmpty(),
                () -> "docker-compose.yml violates the Compose Specification:\n"
                        + messages.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n")));
    }

    @Test
    void validatorReportsErrorsInBrokenFile() throws IOException {
        JsonNode broken;
        try (InputStream in = resource(BROKEN_FIXTURE)) {
            broken = YAML.readTree(in);
        }
        Set<ValidationMessage> messages = composeSchema.validate(broken);
        assertFalse(messages.isEmpty(), "the deliberately broken compose file passed validation");

        String all = messages.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n"));
        assertTrue(all.contains("ports"), () -> "no message about the non-list ports value:\n" + all);
        assertTrue(all.contains("not-a-compose-key"), () -> "no message about the unknown top-level key:\n" + all);
    }

    @Test
    void hubUsesKafkaServiceAdvertisedListener() {
        Map<String, String> kafkaEnv = environment(service("kafka"));
        String advertised = kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS");
        assertNotNull(advertised, "kafka service has no KAFKA_ADVERTISED_LISTENERS");

        Map<String, String> advertisedByListener = listeners(advertised);
        String plaintext = advertisedByListener.get("PLAINTEXT");
        assertNotNull(plaintext, () -> "no PLAINTEXT advertised listener in " + advertised);
        assertEquals(
                "kafka",
                plaintext.substring(0, plaintext.lastIndexOf(':')),
                "the advertised host must be the kafka service name, resolvable on the Compose network");

        Map<String, String> hubEnv = environment(service("hub"));
        assertEquals(
                plaintext,
                hubEnv.get("SPOJKA_KAFKA_BOOTSTRAP_SERVERS"),
                "SPOJKA_KAFKA_BOOTSTRAP_SERVERS must be the kafka service's advertised listener");

        JsonNode condition = service("hub").path("depends_on").path("kafka").path("condition");
        assertEquals("service_healthy", condition.asText(), "hub must wait for a healthy kafka");
        assertTrue(
                service("kafka").path("healthcheck").path("test").toString().contains("kafka-broker-api-versions.sh"),
                "kafka needs the healthcheck that service_healthy waits for");
    }

    @Test
    void hubMountsNamedVolumeAtDataDir() {
        JsonNode hub = service("hub");
        String dataDir = environment(hub).get("SPOJKA_DATA_DIR");
        assertNotNull(dataDir, "hub service does not set SPOJKA_DATA_DIR");
        assertEquals("/opt/spojka/data", dataDir);

        String source = volumeSourceAt(hub, dataDir);
        assertNotNull(source, () -> "no volume mounted at " + dataDir + " in the hub service");
        assertEquals("hub-data", source);
        assertTrue(compose.path("volumes").has(source), () -> source + " is not a top-level named volume");
    }

    @Test
    void kafkaRunsKraftWithoutZookeeper() {
        JsonNode kafka = service("kafka");
        assertEquals("apache/kafka:3.9.1", kafka.path("image").asText());

        Map<String, String> env = environment(kafka);
        Set<String> roles = Set.of(env.getOrDefault("KAFKA_PROCESS_ROLES", "").split("\\s*,\\s*"));
        assertTrue(
                roles.contains("broker") && roles.contains("controller"),
                () -> "KAFKA_PROCESS_ROLES must contain broker and controller, was " + roles);
        assertEquals("1", env.get("KAFKA_NODE_ID"));
        assertEquals(
                "1@kafka:" + port(listeners(env.get("KAFKA_LISTENERS")).get("CONTROLLER")),
                env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"),
                "the single voter is this node's CONTROLLER listener");
        assertEquals("CONTROLLER", env.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
        assertEquals("1", env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"));
        assertEquals("1", env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"));

        assertTrue(
                env.keySet().stream().noneMatch(k -> k.toUpperCase().contains("ZOOKEEPER")),
                () -> "kafka must not be configured for ZooKeeper: " + env.keySet());
        compose.path("services")
                .fields()
                .forEachRemaining(e -> assertFalse(
                        e.getKey().toLowerCase().contains("zookeeper")
                                || e.getValue()
                                        .path("image")
                                        .asText()
                                        .toLowerCase()
                                        .contains("zookeeper"),
                        () -> "unexpected ZooKeeper service " + e.getKey()));

        String logDir = env.get("KAFKA_LOG_DIRS");
        assertEquals("kafka-data", volumeSourceAt(kafka, logDir), "Kafka's log dir must be on the kafka-data volume");
        assertTrue(compose.path("volumes").has("kafka-data"));
    }

    // ---------------------------------------------------------------- helpers

    private static InputStream resource(String name) {
        InputStream in = DockerComposeFileTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("test resource missing: " + name));
        }
        return in;
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertTrue(service.isObject(), () -> "service '" + name + "' missing from docker-compose.yml");
        return service;
    }

    /** A service's environment, given either as a mapping or as a list of NAME=value. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(e -> env.put(
                            e.getKey(),
                            e.getValue().isNull() ? null : e.getValue().asText()));
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String s = item.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    /** "NAME://host:port,..." to listener name -> "host:port". */
    private static Map<String, String> listeners(String spec) {
        assertNotNull(spec, "listener list missing");
        Map<String, String> result = new LinkedHashMap<>();
        for (String listener : spec.split("\\s*,\\s*")) {
            int sep = listener.indexOf("://");
            assertTrue(sep > 0, () -> "malformed listener " + listener);
            result.put(listener.substring(0, sep), listener.substring(sep + 3));
        }
        return result;
    }

    private static String port(String hostPort) {
        assertNotNull(hostPort, "listener missing");
        return hostPort.substring(hostPort.lastIndexOf(':') + 1);
    }

    /** Source of the volume mounted at {@code target} (short or long syntax), or null. */
    private static String volumeSourceAt(JsonNode service, String target) {
        for (Iterator<JsonNode> it = service.path("volumes").elements(); it.hasNext(); ) {
            JsonNode volume = it.next();
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                if (parts.length >= 2 && parts[1].equals(target)) {
                    return parts[0];
                }
            } else if (target.equals(volume.path("target").asText())
                    && "volume".equals(volume.path("type").asText("volume"))) {
                return volume.path("source").asText(null);
            }
        }
        return null;
    }
}
