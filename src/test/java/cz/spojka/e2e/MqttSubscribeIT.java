package cz.spojka.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.connector.ConnectorDryRun;
import cz.spojka.connector.Connectors;
import cz.spojka.connector.RunReport;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code mqtt-subscribe} template against a real MQTT 3.1.1 broker (Moquette): every message is one incremental
 * run; a message with a broken payload goes to the dead-letter log and the next one still flows; messages published
 * while the hub is down arrive after its restart (persistent session, QoS 1).
 */
class MqttSubscribeIT {

    private static final String CONNECTOR = "desky-mqtt";
    private static final int MQTT_PORT = TestPorts.free();
    private static Server broker = new Server();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    /** Set once JUnit has made {@link #dataDir}. */
    private static TestHub testHub;

    @BeforeAll
    static void startBroker() throws Exception {
        broker.startServer(brokerConfig());
        testHub = TestHub.onFreePorts(dataDir, Path.of("src/test/resources/cz/spojka/e2e/mqtt-connectors"));
    }

    @AfterAll
    static void stopBroker() {
        broker.stopServer();
    }

    private static Properties brokerConfig() {
        Properties config = new Properties();
        config.setProperty("host", "127.0.0.1");
        config.setProperty("port", Integer.toString(MQTT_PORT));
        config.setProperty("allow_anonymous", "true");
        config.setProperty("persistence_enabled", "false");
        config.setProperty("telemetry_enabled", "false");
        return config;
    }

    /**
     * The broker restarts (without persistence, so it forgets every session) while the hub runs: the subscription
     * reconnects, subscribes again, and a message published after the restart arrives as a run.
     */
    @Test
    void theSubscriptionResumesAfterTheBrokerRestartsAndMessagesAfterTheRestartArrive(@TempDir Path ownDataDir)
            throws Exception {
        // The first two boards: Moquette refuses a message over 8 KiB, as the third board is.
        JsonNode boards =
                JSON.readTree(AgendaSystem.sample(AgendaSystem.OFN, "mvcr-policie-uredni-desky-ofn-2024-05.json"));
        try (ConfigurableApplicationContext hub = startHub(testHub.withDataDir(ownDataDir.resolve("hub")))) {
            Connectors connectors = hub.getBean(Connectors.class);
            publish("desky/1", JSON.writeValueAsBytes(boards.get(0)));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> connectors.runs(CONNECTOR).size() == 1);

            broker.stopServer();
            broker = new Server();
            broker.startServer(brokerConfig());

            // Until the hub has subscribed again a message published now would reach no one, and the broker may
            // still refuse the publisher: publish until one arrives (QoS 1 to a subscriber that is back).
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        publish("desky/2", JSON.writeValueAsBytes(boards.get(1)));
                        return connectors.runs(CONNECTOR).size() > 1;
                    });
            RunReport afterRestart =
                    connectors.runs(CONNECTOR).get(connectors.runs(CONNECTOR).size() - 2);
            assertThat(afterRestart.succeeded()).isTrue();
            assertThat(afterRestart.records()).isEqualTo(1);
            assertThat(afterRestart.created())
                    .isEqualTo(1 + boards.get(1).get("informace").size());
        }
    }

    /**
     * A hub stopped while its broker is away leaves no MQTT client behind: Paho's reconnecting client would otherwise
     * connect later with the connector's client id, take its session over and swallow the next hub's messages.
     */
    @Test
    void aHubStoppedWhileItsBrokerIsAwayLeavesNoClientThatConnectsLater(@TempDir Path ownDataDir) throws Exception {
        long brokerStopped;
        try (ConfigurableApplicationContext hub = startHub(testHub.withDataDir(ownDataDir.resolve("hub")))) {
            broker.stopServer();
            brokerStopped = System.nanoTime();
        }
        List<String> connected = new CopyOnWriteArrayList<>();
        broker = new Server();
        broker.startServer(new MemoryConfig(brokerConfig()), List.of(new AbstractInterceptHandler() {
            @Override
            public String getID() {
                return "connects";
            }

            @Override
            public void onConnect(InterceptConnectMessage message) {
                connected.add(message.getClientID());
            }

            @Override
            public void onSessionLoopError(Throwable error) {}
        }));
        // Paho retries after 1, 2, 4, 8 ... s since the connection broke, so one attempt falls within the time the
        // hub took to stop plus two seconds after the broker is back.
        Duration sinceStopped = Duration.ofNanos(System.nanoTime() - brokerStopped);
        await().during(sinceStopped.plusSeconds(2))
                .atMost(sinceStopped.plusSeconds(10))
                .until(() -> connected.stream().noneMatch(client -> client.startsWith("spojka-")));
    }

    @Test
    void everyMessageIsAnIncrementalRunAndMessagesSentMeanwhileArriveAfterARestart() throws Exception {
        JsonNode boards =
                JSON.readTree(AgendaSystem.sample(AgendaSystem.OFN, "mvcr-policie-uredni-desky-ofn-2024-05.json"));
        int firstNotices = boards.get(0).get("informace").size();
        int secondNotices = boards.get(1).get("informace").size();

        try (ConfigurableApplicationContext hub = startHub()) {
            Connectors connectors = hub.getBean(Connectors.class);
            publish("desky/1", JSON.writeValueAsBytes(boards.get(0)));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> connectors.runs(CONNECTOR).size() == 1);
            RunReport first = connectors.lastRun(CONNECTOR);
            assertThat(first.records()).isEqualTo(1);
            assertThat(first.created()).isEqualTo(1 + firstNotices);

            publish("desky/broken", "{ not json".getBytes(UTF_8));
            publish("desky/1", JSON.writeValueAsBytes(boards.get(0)));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> connectors.runs(CONNECTOR).size() == 3);
            List<RunReport> runs = connectors.runs(CONNECTOR);
            assertThat(runs.get(1).succeeded()).isFalse();
            assertThat(runs.get(0).succeeded()).isTrue();
            assertThat(runs.get(0).changed())
                    .as("the same board again changes nothing")
                    .isZero();
            assertThat(runs.get(0).deleted()).isZero();
            List<DeadLetter> letters = testHub.changeLog().deadLetters("spojka.deadletter");
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.connectorId()).isEqualTo(CONNECTOR);
                assertThat(letter.stage()).isEqualTo("fetch");
                assertThat(letter.record()).isEqualTo("{ not json");
            });
        }

        publish("desky/2", JSON.writeValueAsBytes(boards.get(1)));
        try (ConfigurableApplicationContext hub = startHub()) {
            Connectors connectors = hub.getBean(Connectors.class);
            ChangeLogReader changeLog = testHub.changeLog();
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> changeLog.endOffsetSum("spojka.changes") == 1 + firstNotices + 1 + secondNotices);
            // At least once: the broker may deliver the message again, which then changes nothing.
            List<RunReport> runs = connectors.runs(CONNECTOR);
            List<RunReport> afterRestart = runs.subList(0, runs.size() - 3);
            assertThat(afterRestart).isNotEmpty().allMatch(RunReport::succeeded);
            assertThat(afterRestart.stream().mapToInt(RunReport::created).sum()).isEqualTo(1 + secondNotices);
        }
    }

    /** A sensor feed: one GeoJSON Feature per message gives the station, its sensor and its observations. */
    @Test
    void aSensorMessageBecomesTheStationItsSensorAndItsObservations(@TempDir Path ownDataDir) throws Exception {
        JsonNode stations = JSON.readTree(Path.of("connectors/golemio-ovzdusi/samples/airqualitystations.json")
                .toFile());
        JsonNode station = stations.get("features").get(0);
        Path single = ownDataDir.resolve("station.json");
        JSON.writeValue(single.toFile(), station);
        ConnectorDryRun.SampleResult expected = ConnectorDryRun.ofRepository(Path.of(""))
                .test(Path.of("src/test/resources/cz/spojka/e2e/mqtt-connectors/ovzdusi-mqtt"), single)
                .samples()
                .get(0);
        assertThat(expected.entitiesByKind()).containsKeys("observation");

        try (ConfigurableApplicationContext hub = startHub(testHub.withDataDir(ownDataDir.resolve("hub")))) {
            Connectors connectors = hub.getBean(Connectors.class);
            publish("golemio/ovzdusi/" + station.at("/properties/id").asText(), JSON.writeValueAsBytes(station));
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> !connectors.runs("ovzdusi-mqtt").isEmpty());
            RunReport run = connectors.lastRun("ovzdusi-mqtt");
            assertThat(run.succeeded()).isTrue();
            assertThat(run.records()).isEqualTo(1);
            assertThat(run.created()).isEqualTo(expected.entities().size());
        }
    }

    private static void publish(String topic, byte[] payload) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + MQTT_PORT, "test-publisher", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        client.publish(topic, payload, 1, false);
        client.disconnect();
        client.close();
    }

    private static ConfigurableApplicationContext startHub() {
        return startHub(testHub);
    }

    private static ConfigurableApplicationContext startHub(TestHub hub) {
        return hub.start("--spojka.demo.enabled=false", "--test.mqtt-url=tcp://127.0.0.1:" + MQTT_PORT);
    }
}
