package cz.spojka.e2e;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import cz.spojka.connector.Connectors;
import cz.spojka.store.Materializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub as a user runs it — in-process KRaft broker, TDB2 on disk, the real notice-board connectors of
 * {@code connectors/} —
 * with WireMock standing in for the agenda systems (it serves the connectors' real samples where the demo base URL
 * points). All integration tests extending this class share one hub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HubIT {

    static final String OFN = AgendaSystem.OFN;
    static final String EDESKY = AgendaSystem.EDESKY;
    static final String OFN_SAMPLE = AgendaSystem.OFN_SAMPLE;
    static final String BASE_IRI = "http://spojka.test/";
    static final AgendaSystem AGENDA_SYSTEM = new AgendaSystem().start();
    static final WireMockServer AGENDA = AGENDA_SYSTEM.server();
    private static final Path DATA_DIR = tempDir();
    private static final Path CONNECTORS_DIR = AgendaSystem.noticeBoardConnectors();
    private static final int KAFKA_PORT = TestPorts.free();
    private static final int CONTROLLER_PORT = TestPorts.free();

    @Autowired
    Connectors connectors;

    @Autowired
    Materializer materializer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("spojka.data-dir", DATA_DIR::toString);
        registry.add("spojka.connectors-dir", CONNECTORS_DIR::toString);
        registry.add("spojka.base-iri", () -> BASE_IRI);
        registry.add("spojka.demo.base-url", AGENDA_SYSTEM::baseUrl);
        registry.add("spojka.kafka.embedded.port", () -> KAFKA_PORT);
        registry.add("spojka.kafka.embedded.controller-port", () -> CONTROLLER_PORT);
        registry.add("spojka.store.poll-timeout", () -> "200ms");
        // Small chunks, so the samples cross chunk boundaries (an eDesky board is described by all its documents).
        registry.add("spojka.ingest.chunk-records", () -> 5);
    }

    static void serve(String path, byte[] body, String contentType) {
        AGENDA_SYSTEM.serve(path, body, contentType);
    }

    static byte[] sample(String connector, String file) {
        return AgendaSystem.sample(connector, file);
    }

    String bootstrapServers() {
        return "localhost:" + KAFKA_PORT;
    }

    String sparqlUrl() {
        return "http://localhost:" + port + "/sparql";
    }

    /**
     * Waits for the start-up poll of every demo connector (not only the notice boards: a run still in flight would
     * publish during the test), then for the store to catch up with the change log.
     */
    void awaitStartupRuns() {
        await().atMost(Duration.ofMinutes(2))
                .until(() -> connectors.active().stream()
                        .allMatch(c -> connectors.lastRun(c.definition().id()) != null));
        awaitMaterialized();
    }

    void awaitMaterialized() {
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> materializer.lag() == 0);
    }

    long count(String whereClause) {
        String query = "SELECT (COUNT(*) AS ?count) WHERE { " + whereClause + " }";
        try (QueryExecHTTP exec =
                QueryExecHTTP.service(sparqlUrl()).query(query).build()) {
            return ((Number) exec.select().next().get("count").getLiteralValue()).longValue();
        }
    }

    boolean ask(String query) {
        try (QueryExecHTTP exec =
                QueryExecHTTP.service(sparqlUrl()).query(query).build()) {
            return exec.ask();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("spojka-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
