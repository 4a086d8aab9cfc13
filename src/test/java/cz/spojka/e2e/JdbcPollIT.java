package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.connector.ConnectorScheduler;
import cz.spojka.connector.Connectors;
import cz.spojka.connector.RunReport;
import cz.spojka.store.Materializer;
import io.cloudevents.CloudEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The {@code jdbc-poll} template end to end: the real hub runs the connector {@code usneseni-zastupitelstva} (copied
 * from {@code connectors/}, only its query timeout shortened) against a real PostgreSQL loaded with the connector's own
 * sample script, its {@code jdbcUrl} overridden. Step by step: the first run publishes every row; a re-run publishes nothing; rows
 * inserted and updated after the watermark are picked up; a failing query stores no watermark and deletes nothing; a
 * restart keeps the watermark; a database that is down fails the run the same way, and once it is back the next run
 * succeeds without fetching or publishing anything again. A query whose session is terminated is retried, with bounded
 * retries. And in demo mode, with no database
 * configured, the same connector reads its sample from in-memory H2.
 */
class JdbcPollIT {

    private static final String ID = "usneseni-zastupitelstva";
    private static final String BASE = TestHub.BASE_IRI + "zdroj/usneseni-zastupitelstva/00258245/";
    private static final String ZAST = "https://slovník.gov.cz/legislativní/sbírka/128/2000/pojem/";
    private static final String HLAS = "https://slovník.gov.cz/datový/hlasování-zastupitelstva-obce/pojem/";

    /**
     * The OFN draft's other real vote (psp.cz vote 61212 on motion 395, příklady/hlasování.json and návrh.json) stands
     * in for a vote the agenda system records later: first with its result only, then with its counts.
     */
    private static final String MOTION_395 = "Poslanecká sněmovna vyslovuje souhlas s vládním návrhem zákona, kterým se"
            + " mění zákon č. 106/1999 Sb., o svobodném přístupu k informacím, ve znění pozdějších předpisů, podle"
            + " sněmovního tisku 395, ve znění schváleném Poslaneckou sněmovnou.";

    @TempDir
    static Path work;

    private static final int POSTGRES_PORT = TestPorts.free();

    private static EmbeddedPostgres postgres;
    /** Set once JUnit has made {@link #work}, where its folders are. */
    private static TestHub testHub;

    @BeforeAll
    static void startAgendaDatabase() throws IOException, SQLException {
        postgres = startPostgres();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            ScriptUtils.executeSqlScript(
                    connection,
                    new EncodedResource(
                            new FileSystemResource("connectors/" + ID + "/samples/usneseni-plasy.sql"),
                            StandardCharsets.UTF_8));
        }
        copyConnector(ID, work.resolve("connectors").resolve(ID), yaml -> yaml);
        testHub = TestHub.onFreePorts(work.resolve("data"), work.resolve("connectors"));
    }

    @AfterAll
    static void stopAgendaDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void pollsTheAgendaDatabaseAfterItsWatermark() throws Exception {
        try (ConfigurableApplicationContext hub = startHub()) {
            RunReport first = awaitStartupRun(hub);
            assertThat(first.error()).isNull();
            assertThat(first.records()).isEqualTo(1);
            assertThat(first.created()).isEqualTo(3);
            assertThat(first.rejected()).isZero();
            assertThat(eventTypes())
                    .isEqualTo(Map.of(
                            "cz.spojka.council-meeting.created", 1L,
                            "cz.spojka.council-resolution.created", 1L,
                            "cz.spojka.council-vote.created", 1L));
            assertThat(HubSparql.of(hub).count("?v a <" + ZAST + "hlasování>")).isEqualTo(1);
            assertThat(HubSparql.of(hub).count("<" + BASE + "usneseni/1-13> <" + HLAS + "text-usnesení> ?t"))
                    .isEqualTo(1);
            assertThat(storedWatermark()).isEqualTo("2018-10-30T00:00:00");

            RunReport again = poll(hub);
            assertThat(again.error()).isNull();
            assertThat(again.records()).isZero();
            assertThat(again.created() + again.updated() + again.deleted()).isZero();
            assertThat(testHub.changeLog().endOffsetSum("spojka.changes")).isEqualTo(3);

            sql("INSERT INTO vote_events (id, session_number, session_date, motion_id, motion_text, result,"
                    + " changed_at) VALUES ('61212', 29, DATE '2015-07-08', '395', '" + MOTION_395 + "', 'pass',"
                    + " TIMESTAMP '2024-05-01 10:00:00')");
            RunReport inserted = poll(hub);
            assertThat(inserted.records()).isEqualTo(1);
            assertThat(inserted.created()).as("vote, resolution and meeting").isEqualTo(3);
            assertThat(storedWatermark()).isEqualTo("2024-05-01T10:00:00");

            sql("UPDATE vote_events SET yes_count = 153, no_count = 0, abstain_count = 13, present = 166,"
                    + " changed_at = TIMESTAMP '2024-05-01 10:05:30.25' WHERE id = '61212'");
            RunReport updated = poll(hub);
            assertThat(updated.records()).isEqualTo(1);
            assertThat(updated.created()).isZero();
            assertThat(updated.updated()).as("the vote").isEqualTo(1);
            assertThat(updated.unchanged()).as("its resolution and meeting").isEqualTo(2);
            assertThat(storedWatermark()).isEqualTo("2024-05-01T10:05:30.25");
            awaitMaterialized(hub);
            assertThat(HubSparql.of(hub)
                            .ask("ASK { <" + BASE + "hlasovani/61212> <" + HLAS + "počet-hlasů-pro> 153 ; <" + HLAS
                                    + "zdrželo-se> 13 ; <" + ZAST + "počet-přítomných-členů> 166 }"))
                    .isTrue();
            assertThat(eventTypes())
                    .isEqualTo(Map.of(
                            "cz.spojka.council-meeting.created", 2L,
                            "cz.spojka.council-resolution.created", 2L,
                            "cz.spojka.council-vote.created", 2L,
                            "cz.spojka.council-vote.updated", 1L));

            sql("ALTER TABLE vote_events RENAME TO vote_events_renamed");
            RunReport badQuery = poll(hub);
            assertThat(badQuery.succeeded()).isFalse();
            assertThat(badQuery.error())
                    .startsWith("BadSqlGrammarException")
                    .contains("ERROR: relation \"vote_events\" does not exist")
                    .as("a query the database refuses is not run again")
                    .doesNotContain("gave up");
            sql("ALTER TABLE vote_events_renamed RENAME TO vote_events");
            assertNothingChangedSinceTheUpdate(hub);
        }

        sql("UPDATE vote_events SET motion_text = 'Zastupitelstvo schvaluje…' WHERE id = '1-13-1'");
        try (ConfigurableApplicationContext hub = startHub()) {
            RunReport afterRestart = awaitStartupRun(hub);
            assertThat(afterRestart.error()).isNull();
            assertThat(afterRestart.records())
                    .as("the stored watermark survived: no row is after it (the edit left changed_at as it was)")
                    .isZero();
            assertNothingChangedSinceTheUpdate(hub);

            postgres.close();
            postgres = null;
            RunReport databaseDown = poll(hub);
            assertThat(databaseDown.succeeded()).isFalse();
            assertThat(databaseDown.error())
                    .as("the default resilience: three retries")
                    .isEqualTo("JdbcPollException: Failed to obtain JDBC Connection (gave up after 4 attempts)"
                            + " (caused by ConnectException: Connection refused)");
            assertNothingChangedSinceTheUpdate(hub);

            postgres = startPostgres();
            RunReport databaseBack = poll(hub);
            assertThat(databaseBack.error())
                    .as("the connector's pool connects to the restarted database")
                    .isNull();
            assertThat(databaseBack.records())
                    .as("the watermark survived the failed run: nothing is fetched or published again")
                    .isZero();
            assertNothingChangedSinceTheUpdate(hub);
        }
    }

    /**
     * A query whose database session is terminated from another connection ({@code pg_terminate_backend}, as a
     * database restart or a failover does) is run again after {@code resilience.retryBackoff}, and succeeds; one that
     * is terminated every time fails the run after {@code resilience.retries} retries, with no more attempts.
     */
    @Test
    void retriesAQueryWhoseSessionIsTerminatedAndGivesUpAfterTheConfiguredRetries() throws Exception {
        String id = "usneseni-retry";
        Path connectorsDir = work.resolve("retry-connectors");
        copyConnector(
                ID,
                connectorsDir.resolve(id),
                yaml -> yaml.replace("id: " + ID, "id: " + id)
                                // The query sleeps a second, so that the test sees its session and can terminate it.
                                .replace("FROM vote_events", "FROM vote_events, pg_sleep(1)")
                        + "resilience:\n  retries: 2\n  retryBackoff: PT0.1S\n");
        TestHub retryHub = TestHub.onFreePorts(work.resolve("retry-data"), connectorsDir);
        try (SessionTerminator terminator = new SessionTerminator(1);
                ConfigurableApplicationContext hub = startHub(retryHub)) {
            Connectors connectors = hub.getBean(Connectors.class);
            TestHub.awaitFirstRuns(connectors, List.of(id));
            RunReport first = connectors.lastRun(id);
            assertThat(terminator.terminated())
                    .as("the first attempt's session")
                    .isEqualTo(1);
            assertThat(first.error()).isNull();
            assertThat(first.records()).isEqualTo(1);
            assertThat(first.created()).isEqualTo(3);

            try (SessionTerminator always = new SessionTerminator(Integer.MAX_VALUE)) {
                RunReport failed = hub.getBean(ConnectorScheduler.class).poll(id);
                assertThat(failed.succeeded()).isFalse();
                assertThat(failed.error()).startsWith("JdbcPollException: ").contains("(gave up after 3 attempts)");
                assertThat(always.terminated())
                        .as("the first attempt and two retries")
                        .isEqualTo(3);
            }
            assertThat(retryHub.changeLog().endOffsetSum("spojka.changes")).isEqualTo(3);
        }
    }

    /**
     * Terminates the session of every running query that sleeps in {@code pg_sleep}, up to {@code limit} sessions,
     * from its own connection, as long as it is open.
     */
    private static final class SessionTerminator implements AutoCloseable {

        private final AtomicInteger terminated = new AtomicInteger();
        private final Thread thread;
        private volatile boolean running = true;

        SessionTerminator(int limit) {
            thread = new Thread(() -> terminate(limit), "session-terminator");
            thread.start();
        }

        int terminated() {
            return terminated.get();
        }

        private void terminate(int limit) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement sql = connection.createStatement()) {
                while (running && terminated.get() < limit) {
                    try (ResultSet killed = sql.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE state = 'active' AND query LIKE '%pg_sleep(1)%' AND pid <> pg_backend_pid()")) {
                        while (killed.next()) {
                            if (killed.getBoolean(1)) {
                                terminated.incrementAndGet();
                            }
                        }
                    }
                    Thread.sleep(50);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** The agenda database, in the same folder and on the same port each time, so that a restart keeps its data. */
    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(POSTGRES_PORT)
                .start();
    }

    /** Demo mode: no agenda database is configured, so the connector reads its sample script in in-memory H2. */
    @Test
    void withNothingConfiguredTheConnectorReadsItsSampleFromAnInMemoryH2Database() {
        try (ConfigurableApplicationContext hub = TestHub.onFreePorts(
                        work.resolve("demo-data"), work.resolve("connectors"))
                .start()) {
            RunReport first = awaitStartupRun(hub);
            assertThat(first.error()).isNull();
            assertThat(first.records()).isEqualTo(1);
            assertThat(first.created()).isEqualTo(3);
            assertThat(HubSparql.of(hub).count("<" + BASE + "usneseni/1-13> <" + HLAS + "text-usnesení> ?t"))
                    .isEqualTo(1);
            assertThat(poll(hub).records())
                    .as("a re-run finds nothing after the watermark")
                    .isZero();
        }
    }

    private void assertNothingChangedSinceTheUpdate(ConfigurableApplicationContext hub) throws IOException {
        assertThat(storedWatermark()).isEqualTo("2024-05-01T10:05:30.25");
        assertThat(testHub.changeLog().endOffsetSum("spojka.changes")).isEqualTo(7);
        awaitMaterialized(hub);
        assertThat(HubSparql.of(hub).count("?v a <" + ZAST + "hlasování>")).isEqualTo(2);
        assertThat(HubSparql.of(hub).count("?r a <" + ZAST + "usnesení>")).isEqualTo(2);
        assertThat(HubSparql.of(hub).count("?m a <" + ZAST + "zasedání-zastupitelstva-obce>"))
                .isEqualTo(2);
    }

    private static ConfigurableApplicationContext startHub() {
        return startHub(testHub);
    }

    private static ConfigurableApplicationContext startHub(TestHub hub) {
        return hub.start(
                "--agenda.plasy.jdbc-url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--agenda.plasy.username=postgres",
                "--agenda.plasy.password=postgres");
    }

    private static RunReport awaitStartupRun(ConfigurableApplicationContext hub) {
        Connectors connectors = hub.getBean(Connectors.class);
        TestHub.awaitFirstRuns(connectors, List.of(ID));
        awaitMaterialized(hub);
        return connectors.lastRun(ID);
    }

    private static RunReport poll(ConfigurableApplicationContext hub) {
        return hub.getBean(ConnectorScheduler.class).poll(ID);
    }

    private static void awaitMaterialized(ConfigurableApplicationContext hub) {
        TestHub.awaitMaterialized(hub.getBean(Materializer.class));
    }

    private static Map<String, Long> eventTypes() {
        Map<String, Long> types = new TreeMap<>();
        for (ConsumerRecord<String, CloudEvent> event : testHub.changeLog().events("spojka.changes")) {
            types.merge(event.value().getType(), 1L, Long::sum);
        }
        return types;
    }

    private static String storedWatermark() throws IOException {
        Path file = testHub.dataDir().resolve("connector-state/" + ID + ".json");
        return new ObjectMapper().readTree(file.toFile()).get("watermark").asText();
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    /**
     * The connector's folder as in the repository, its {@code connector.yaml} edited by {@code edit}, with the query
     * timeout shortened to 5 s: a run against a database that is down waits that long for each attempt's connection.
     */
    private static void copyConnector(String id, Path target, UnaryOperator<String> edit) throws IOException {
        Path source = Path.of("connectors", id);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Path yaml = target.resolve("connector.yaml");
        Files.writeString(
                yaml,
                edit.apply(Files.readString(yaml).replace("parameters:\n", "parameters:\n  timeoutSeconds: \"5\"\n")));
    }
}
