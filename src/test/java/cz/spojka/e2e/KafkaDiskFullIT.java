package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.changelog.KafkaClients;
import cz.spojka.connector.Connectors;
import cz.spojka.store.Materializer;
import cz.spojka.system.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real full disk under the in-process Kafka broker: its log directory lives on a small tmpfs, which the test shrinks
 * to what the log holds and then writes to. Kafka's broker gives up on a log directory it cannot write and asks for
 * the JVM to halt; the hub stays up instead: health reports the change log DOWN with the reason, and the store goes on
 * answering queries. After space returns, a restart of the hub brings the broker back with the change log intact.
 * Mounting needs root ({@link Tmpfs}).
 */
class KafkaDiskFullIT {

    private static final AgendaSystem AGENDA = new AgendaSystem();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static Tmpfs kafkaDisk;
    private static TestHub testHub;

    @BeforeAll
    static void mountKafkaLog() throws Exception {
        kafkaDisk = Tmpfs.mount(dataDir.resolve("kafka"), "512m", "the Kafka log");
        AGENDA.start();
        testHub = TestHub.onFreePorts(dataDir, AgendaSystem.noticeBoardConnectors())
                .withAgenda(AGENDA.baseUrl());
    }

    @AfterAll
    static void unmount() throws Exception {
        if (kafkaDisk != null) {
            AGENDA.stop();
            kafkaDisk.unmount();
        }
    }

    @Test
    void theHubOutlivesItsBrokerOnAFullDiskAndARestartBringsItBack() throws Exception {
        long notices;
        try (ConfigurableApplicationContext hub = testHub.start()) {
            Connectors connectors = hub.getBean(Connectors.class);
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> connectors.lastRun(AgendaSystem.OFN) != null
                            && connectors.lastRun(AgendaSystem.EDESKY) != null);
            TestHub.awaitMaterialized(hub.getBean(Materializer.class));
            notices = HubSparql.of(hub).count("GRAPH ?g { ?notice a ?type }");
            assertThat(notices).isPositive();
            HubApi api = HubApi.at(Integer.parseInt(hub.getEnvironment().getRequiredProperty("local.server.port")));

            kafkaDisk.fill(256 * 1024);
            fill(hub.getBean(KafkaClients.class));

            EmbeddedKafkaBroker broker = hub.getBean(EmbeddedKafkaBroker.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> broker.failure().isPresent());
            assertThat(hub.isActive()).as("the hub is still running").isTrue();
            assertThat(broker.failure().get()).contains("stopped serving").contains("restart the hub");
            assertThat(api.send("GET", "/actuator/health", null).statusCode()).isEqualTo(503);
            JsonNode changeLog = JSON.readTree(api.send("GET", "/actuator/health", HubApi.ADMIN_KEY)
                            .body())
                    .at("/components/changeLog");
            assertThat(changeLog.get("status").asText()).isEqualTo("DOWN");
            assertThat(changeLog.at("/details/error").asText())
                    .isEqualTo(broker.failure().get());
            assertThat(HubSparql.of(hub).count("GRAPH ?g { ?notice a ?type }"))
                    .as("the store answers without the broker")
                    .isEqualTo(notices);
        }
        kafkaDisk.free();
        try (ConfigurableApplicationContext hub = testHub.start()) {
            TestHub.awaitMaterialized(hub.getBean(Materializer.class));
            assertThat(hub.getBean(EmbeddedKafkaBroker.class).failure()).isEmpty();
            assertThat(HubSparql.of(hub).count("GRAPH ?g { ?notice a ?type }")).isEqualTo(notices);
        }
    }

    /** Writes to a topic of its own until the broker refuses: the disk under its log is full. */
    private static void fill(KafkaClients clients) throws Exception {
        try (Admin admin = clients.admin()) {
            admin.createTopics(List.of(new NewTopic("disk-filler", 1, (short) 1)))
                    .all()
                    .get();
        }
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        byte[] block = new byte[64 * 1024];
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 64; i++) {
                try {
                    producer.send(new ProducerRecord<>("disk-filler", block)).get();
                } catch (Exception refused) {
                    return;
                }
            }
        }
    }
}
