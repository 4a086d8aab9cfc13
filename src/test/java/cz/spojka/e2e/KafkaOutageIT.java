package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.connector.ConnectorScheduler;
import cz.spojka.connector.Connectors;
import cz.spojka.connector.RunReport;
import cz.spojka.store.Materializer;
import cz.spojka.system.EmbeddedKafkaBroker;
import cz.spojka.system.SpojkaProperties;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub's Kafka is an external broker the test stops and starts again on the same log directory and port. While it
 * is away the hub stays up, health names the broker as down with the reason, and a connector run fails without
 * publishing or storing anything, so the source's changes are fetched again; once the broker is back the next run
 * publishes exactly those changes, once each, and the store and the live event stream follow. A file dropped while the
 * broker is away stays in its folder, its runs failed with the reason, and is ingested once when the broker is back.
 */
class KafkaOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFN = AgendaSystem.OFN;
    private static final String NOTICES = TestHub.BASE_IRI + "zdroj/uredni-deska/00007064/informace/";
    private static final String CHANGED = NOTICES + "opendata-test.mvcr.cz/api/boards/1/info/953";
    private static final String ADDED = NOTICES + "opendata-test.mvcr.cz/api/boards/1/info/999999";
    private static final String NEW_TITLE = "Informace k nemocenskému pojištění (opraveno)";
    private static final String DROP = "outage-drop";
    private static final String DROPPED = "documents-chrudim.xml";

    @TempDir
    Path dir;

    private final AgendaSystem agenda = new AgendaSystem();
    private EmbeddedKafkaBroker broker;

    @AfterEach
    void stopAll() {
        if (broker != null) {
            broker.stop();
        }
        agenda.stop();
    }

    @Test
    void aBrokerOutageLosesAndRepeatsNoChange() throws Exception {
        agenda.start();
        int kafkaPort = TestPorts.free();
        int controllerPort = TestPorts.free();
        broker = startBroker(kafkaPort, controllerPort);
        TestHub testHub = TestHub.onFreePorts(dir.resolve("data"), AgendaSystem.connectors(OFN))
                .withAgenda(agenda.baseUrl());
        ChangeLogReader changeLog = new ChangeLogReader("localhost:" + kafkaPort);
        try (ConfigurableApplicationContext hub = testHub.start(
                "--spojka.kafka.bootstrap-servers=localhost:" + kafkaPort, "--spojka.kafka.publish-timeout=5s")) {
            Connectors connectors = hub.getBean(Connectors.class);
            ConnectorScheduler scheduler = hub.getBean(ConnectorScheduler.class);
            Materializer materializer = hub.getBean(Materializer.class);
            int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
            TestHub.awaitFirstRuns(connectors, List.of(OFN));
            assertThat(connectors.lastRun(OFN).error()).isNull();
            TestHub.awaitMaterialized(materializer);
            long before = changeLog.endOffsetSum("spojka.changes");
            assertThat(before).as("boards and notices of the real sample").isEqualTo(182 + 1206);
            EventStream stream = EventStream.open(port, "");
            assertThat(stream.untilLive()).isEmpty();

            broker.stop();
            broker = null;
            JsonNode down = awaitHealth(port, "DOWN");
            assertThat(down.at("/components/changeLog/details/error").asText()).isNotBlank();
            assertThat(down.at("/components/changeLog/details/bootstrapServers").asText())
                    .isEqualTo("localhost:" + kafkaPort);

            agenda.serve(AgendaSystem.OFN_SAMPLE, changedSample(), "application/ld+json");
            RunReport failed = scheduler.poll(OFN);
            assertThat(failed.error()).isNotNull();
            assertThat(failed.created() + failed.updated() + failed.deleted()).isZero();
            assertThat(hub.isActive()).isTrue();
            assertThat(HubApi.at(port).get("/api/connectors", HubApi.ADMIN_KEY).isArray())
                    .isTrue();

            broker = startBroker(kafkaPort, controllerPort);
            awaitHealth(port, "UP");
            RunReport resumed = scheduler.poll(OFN);
            assertThat(resumed.error()).isNull();
            assertThat(resumed.created()).isEqualTo(1);
            assertThat(resumed.updated()).isEqualTo(1);
            assertThat(resumed.deleted()).isZero();
            assertThat(changeLog.endOffsetSum("spojka.changes")).isEqualTo(before + 2);
            List<ConsumerRecord<String, CloudEvent>> events = changeLog.events("spojka.changes");
            assertThat(events.stream()
                            .filter(e -> e.key().equals(CHANGED))
                            .map(e -> e.value().getType()))
                    .containsExactly("cz.spojka.notice.created", "cz.spojka.notice.updated");
            assertThat(events.stream()
                            .filter(e -> e.key().equals(ADDED))
                            .map(e -> e.value().getType()))
                    .containsExactly("cz.spojka.notice.created");

            TestHub.awaitMaterialized(materializer);
            assertThat(materializer.isRunning()).isTrue();
            HubSparql sparql = HubSparql.of(hub);
            assertThat(sparql.ask("ASK { GRAPH ?g { <" + CHANGED + "> ?p \"" + NEW_TITLE + "\"@cs } }"))
                    .isTrue();
            assertThat(sparql.ask("ASK { GRAPH ?g { <" + ADDED + "> ?p ?o } }")).isTrue();
            assertThat(stream.changes(2, Duration.ofSeconds(60)).stream()
                            .map(frame -> subject(frame))
                            .toList())
                    .as("the live stream delivers the changes published after the outage")
                    .containsExactlyInAnyOrder(CHANGED, ADDED);
            stream.close();

            RunReport again = scheduler.poll(OFN);
            assertThat(again.created() + again.updated() + again.deleted()).isZero();
            assertThat(changeLog.endOffsetSum("spojka.changes")).isEqualTo(before + 2);
        }
    }

    @Test
    void aFileDroppedDuringAnOutageWaitsInItsFolderAndIsIngestedOnceTheBrokerIsBack() throws Exception {
        int kafkaPort = TestPorts.free();
        int controllerPort = TestPorts.free();
        broker = startBroker(kafkaPort, controllerPort);
        Path folder = Files.createDirectories(dir.resolve("drop"));
        TestHub testHub = TestHub.onFreePorts(dir.resolve("data"), fileDropConnector(folder));
        ChangeLogReader changeLog = new ChangeLogReader("localhost:" + kafkaPort);
        try (ConfigurableApplicationContext hub = testHub.start(
                "--spojka.kafka.bootstrap-servers=localhost:" + kafkaPort, "--spojka.kafka.publish-timeout=5s")) {
            Connectors connectors = hub.getBean(Connectors.class);
            int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
            awaitHealth(port, "UP");
            broker.stop();
            broker = null;
            awaitHealth(port, "DOWN");

            byte[] sample = AgendaSystem.sample(AgendaSystem.EDESKY, AgendaSystem.EDESKY_FILE);
            Path dropped = folder.resolve(DROPPED);
            Files.write(dropped, sample);
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> !connectors.runs(DROP).isEmpty());
            RunReport failed = connectors.lastRun(DROP);
            assertThat(failed.succeeded()).isFalse();
            assertThat(failed.error())
                    .startsWith(DROPPED + ": the change log is unavailable; the file stays in the folder")
                    .contains("TimeoutException");
            assertThat(dropped).as("still in the folder, untouched").hasBinaryContent(sample);
            assertThat(folder.resolve(".error")).doesNotExist();
            assertThat(folder.resolve(".done")).doesNotExist();

            broker = startBroker(kafkaPort, controllerPort);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> connectors.lastRun(DROP).succeeded());
            RunReport ingested = connectors.lastRun(DROP);
            assertThat(ingested.records()).isEqualTo(43);
            assertThat(ingested.created()).isEqualTo(1 + 43);
            await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(dropped));
            try (Stream<Path> done = Files.walk(folder.resolve(".done"))) {
                assertThat(done.filter(Files::isRegularFile).toList())
                        .singleElement()
                        .satisfies(file -> assertThat(file).hasBinaryContent(sample));
            }
            assertThat(folder.resolve(".error")).doesNotExist();
            List<String> keys = changeLog.events("spojka.changes").stream()
                    .map(ConsumerRecord::key)
                    .toList();
            assertThat(keys)
                    .as("each notice and the board once")
                    .hasSize(1 + 43)
                    .doesNotHaveDuplicates();
            assertThat(changeLog.deadLetters("spojka.deadletter"))
                    .as("an outage is no dead letter")
                    .isEmpty();
        }
    }

    /** A connectors folder with one file-drop connector reading eDesky XML files from {@code folder}. */
    private Path fileDropConnector(Path folder) throws IOException {
        Path connector = Files.createDirectories(dir.resolve("connectors").resolve(DROP));
        Path mapping =
                Path.of("connectors", AgendaSystem.EDESKY, "mapping.yaml").toAbsolutePath();
        Files.writeString(connector.resolve("connector.yaml"), """
                id: %s
                title: Notice board of Chrudim dropped into a folder
                template: file-drop
                parameters:
                  directory: %s
                  include: "*.xml"
                  readLockMinAgeMillis: "1000"
                  delayMillis: "500"
                mapping: %s
                dataset:
                  id: deska-vypadek
                  title: {cs: Úřední deska (výpadek), en: Official notice board (outage)}
                  municipality: {name: Město Chrudim, ico: "00270211", ruian: "571164"}
                  privacy: {classification: personal, policy: redact}
                  description: {cs: Testovací datová sada., en: A test dataset.}
                  catalog:
                    themes: [GOVE]
                    keywords: {cs: [test], en: [test]}
                    frequency: UPDATE_CONT
                    contactPoint: {email: opendata@spojka.test}
                    termsOfUse: {copyrightedWork: none, copyrightedDatabase: none, specialDatabaseRights: none}
                """.formatted(DROP, folder, mapping));
        return connector.getParent();
    }

    private static String subject(SseFrame frame) {
        try {
            return JSON.readTree(frame.data()).get("subject").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private EmbeddedKafkaBroker startBroker(int port, int controllerPort) {
        EmbeddedKafkaBroker started = new EmbeddedKafkaBroker(
                dir.resolve("external-kafka"), new SpojkaProperties.Embedded("localhost", port, controllerPort), (short)
                        1);
        started.start();
        return started;
    }

    /** The real sample with the first notice retitled and a copy of it under a new IRI. */
    private static byte[] changedSample() throws IOException {
        ArrayNode boards = (ArrayNode) JSON.readTree(AgendaSystem.sample(OFN, AgendaSystem.OFN_FILE));
        ArrayNode notices = (ArrayNode) boards.get(0).get("informace");
        ObjectNode added = notices.get(0).deepCopy();
        added.put("iri", "https://opendata-test.mvcr.cz/api/boards/1/info/999999");
        notices.add(added);
        ((ObjectNode) notices.get(0).get("název")).put("cs", NEW_TITLE);
        return JSON.writeValueAsBytes(boards);
    }

    private static JsonNode awaitHealth(int port, String changeLogStatus) {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                    // The details (the change log's error and address) are for operators.
                                    .header("X-Api-Key", HubApi.ADMIN_KEY)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    last[0] = JSON.readTree(response.body());
                    return changeLogStatus.equals(
                            last[0].at("/components/changeLog/status").asText());
                });
        return last[0];
    }
}
