package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cz.spojka.connector.Connectors;
import cz.spojka.connector.RunReport;
import io.cloudevents.CloudEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public change log {@code spojka.public.changes} against the change log {@code spojka.changes} of a hub with the
 * demo classifications: air quality ({@code kvalita-ovzdusi}) public, the fill level of containers
 * ({@code zaplnenost-nadob}, connector {@code golemio-kontejnery}) restricted and parking ({@code
 * obsazenost-parkovist}) internal. Read to their ends, the public log holds exactly the public datasets' events, each
 * once; a restart copies nothing again; reclassifying the containers public and then restricted again, each with a
 * restart, fills their entities in and then removes them with tombstones, and nothing else.
 */
class PublicChangeLogIT {

    private static final String CHANGES = "spojka.changes";
    private static final String PUBLIC = "spojka.public.changes";
    private static final String AIR = "golemio-ovzdusi";
    private static final String CONTAINERS = "golemio-kontejnery";
    private static final String PARKING = "golemio-parkoviste";
    private static final String AIR_DATASET = "kvalita-ovzdusi";
    private static final String CONTAINERS_DATASET = "zaplnenost-nadob";
    private static final String PARKING_DATASET = "obsazenost-parkovist";
    private static final int AIR_ENTITIES = 99;
    private static final int CONTAINER_ENTITIES = 188;
    private static final int PARKING_ENTITIES = 75;
    private static final AgendaSystem AGENDA = new AgendaSystem();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startAgenda() {
        AGENDA.start();
        for (String connector : List.of(AIR, CONTAINERS, PARKING)) {
            String file = Objects.requireNonNull(
                    Path.of("connectors", connector, "samples").toFile().list())[0];
            AGENDA.serve("/" + connector + "/" + file, AgendaSystem.sample(connector, file), "application/json");
        }
    }

    @AfterAll
    static void stopAgenda() {
        AGENDA.stop();
    }

    @Test
    void holdsExactlyThePublicDatasetsOnceAndFollowsTheirReclassification() {
        ClassifiedConnectors connectors =
                new ClassifiedConnectors(Map.of(AIR, "public", CONTAINERS, "restricted", PARKING, "internal"));
        TestHub testHub = TestHub.onFreePorts(dataDir, connectors.dir()).withAgenda(AGENDA.baseUrl());
        ChangeLogReader kafka = testHub.changeLog();

        try (ConfigurableApplicationContext hub = testHub.start()) {
            awaitRunsAndCopy(hub, kafka);
            Map<String, Set<String>> keysByDataset = keysByDataset(kafka.events(CHANGES));
            assertThat(keysByDataset.get(AIR_DATASET)).hasSize(AIR_ENTITIES);
            assertThat(keysByDataset.get(CONTAINERS_DATASET)).hasSize(CONTAINER_ENTITIES);
            assertThat(keysByDataset.get(PARKING_DATASET)).hasSize(PARKING_ENTITIES);

            List<ConsumerRecord<String, CloudEvent>> published = kafka.events(PUBLIC);
            assertThat(published).as("each event of the public dataset once").hasSize(AIR_ENTITIES);
            assertThat(keys(published)).isEqualTo(keysByDataset.get(AIR_DATASET));
            assertThat(published)
                    .allMatch(r -> r.value().getExtension("dataset").equals(AIR_DATASET));
            assertThat(ids(published)).isEqualTo(ids(eventsOf(kafka.events(CHANGES), AIR_DATASET)));
        }

        try (ConfigurableApplicationContext hub = testHub.start()) {
            awaitRunsAndCopy(hub, kafka);
            assertThat(kafka.events(PUBLIC))
                    .as("a restart copies nothing again")
                    .hasSize(AIR_ENTITIES);
        }

        connectors.classify(CONTAINERS, "public");
        try (ConfigurableApplicationContext hub = testHub.start()) {
            awaitRunsAndCopy(hub, kafka);
            List<ConsumerRecord<String, CloudEvent>> filledIn =
                    kafka.events(PUBLIC).subList(0, AIR_ENTITIES + CONTAINER_ENTITIES);
            assertThat(kafka.events(PUBLIC)).hasSize(AIR_ENTITIES + CONTAINER_ENTITIES);
            List<ConsumerRecord<String, CloudEvent>> containers = eventsOf(filledIn, CONTAINERS_DATASET);
            assertThat(containers).as("the containers' latest events").hasSize(CONTAINER_ENTITIES);
            assertThat(ids(containers)).isEqualTo(ids(eventsOf(kafka.events(CHANGES), CONTAINERS_DATASET)));
        }

        connectors.classify(CONTAINERS, "restricted");
        try (ConfigurableApplicationContext hub = testHub.start()) {
            awaitRunsAndCopy(hub, kafka);
            List<ConsumerRecord<String, CloudEvent>> all = kafka.events(PUBLIC);
            assertThat(all).hasSize(AIR_ENTITIES + 2 * CONTAINER_ENTITIES);
            List<ConsumerRecord<String, CloudEvent>> removed =
                    all.stream().filter(r -> r.value() == null).toList();
            assertThat(removed)
                    .as("a tombstone for each container key, and nothing else")
                    .hasSize(CONTAINER_ENTITIES);
            assertThat(keys(removed))
                    .isEqualTo(keysByDataset(kafka.events(CHANGES)).get(CONTAINERS_DATASET));
            assertThat(all.stream()
                            .map(r -> r.value() == null ? null : r.value().getExtension("dataset")))
                    .doesNotContain(PARKING_DATASET);
        }
    }

    /** Waits for this hub's own start-up runs, then until the copy has committed the change log's end. */
    private static void awaitRunsAndCopy(ConfigurableApplicationContext hub, ChangeLogReader kafka) {
        Instant started = Instant.ofEpochMilli(hub.getStartupDate());
        Connectors connectors = hub.getBean(Connectors.class);
        await().atMost(Duration.ofMinutes(2))
                .until(() -> List.of(AIR, CONTAINERS, PARKING).stream().allMatch(id -> {
                    RunReport last = connectors.lastRun(id);
                    return last != null && last.startedAt().isAfter(started);
                }));
        await().atMost(Duration.ofMinutes(1))
                .until(() -> kafka.committedOffsetSum("spojka-public-log", CHANGES) == kafka.endOffsetSum(CHANGES));
    }

    private static Map<String, Set<String>> keysByDataset(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream()
                .filter(r -> r.value() != null)
                .collect(Collectors.groupingBy(
                        r -> r.value().getExtension("dataset").toString(),
                        Collectors.mapping(ConsumerRecord::key, Collectors.toCollection(TreeSet::new))));
    }

    private static List<ConsumerRecord<String, CloudEvent>> eventsOf(
            List<ConsumerRecord<String, CloudEvent>> records, String dataset) {
        return records.stream()
                .filter(r ->
                        r.value() != null && r.value().getExtension("dataset").equals(dataset))
                .toList();
    }

    private static Set<String> keys(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> ids(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().map(r -> r.value().getId()).collect(Collectors.toCollection(TreeSet::new));
    }
}
