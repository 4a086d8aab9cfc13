package cz.spojka.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
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
 * The hub as a user runs it — in-process KRaft broker, TDB2 on disk, the real connectors of {@code connectors/} —
 * with WireMock standing in for the agenda systems (it serves the connectors' real samples where the demo base URL
 * points). All integration tests extending this class share one hub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HubIT {

    static final String OFN = "uredni-deska-ofn";
    static final String EDESKY = "uredni-deska-edesky";
    static final String OFN_SAMPLE = "/" + OFN + "/mvcr-policie-uredni-desky-ofn-2024-05.json";
    static final String EDESKY_SAMPLE = "/" + EDESKY + "/documents-chrudim.xml";
    static final String BASE_IRI = "http://spojka.test/";
    static final WireMockServer AGENDA = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final Path DATA_DIR = tempDir();
    private static final int KAFKA_PORT = TestPorts.free();
    private static final int CONTROLLER_PORT = TestPorts.free();

    static {
        AGENDA.start();
        serveRealSamples();
    }

    @Autowired
    Connectors connectors;

    @Autowired
    Materializer materializer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("spojka.data-dir", DATA_DIR::toString);
        registry.add("spojka.base-iri", () -> BASE_IRI);
        registry.add("spojka.demo.base-url", AGENDA::baseUrl);
        registry.add("spojka.kafka.embedded.port", () -> KAFKA_PORT);
        registry.add("spojka.kafka.embedded.controller-port", () -> CONTROLLER_PORT);
        registry.add("spojka.store.poll-timeout", () -> "200ms");
    }

    static void serveRealSamples() {
        AGENDA.resetAll();
        serve(OFN_SAMPLE, sample(OFN, "mvcr-policie-uredni-desky-ofn-2024-05.json"), "application/ld+json");
        serve(EDESKY_SAMPLE, sample(EDESKY, "documents-chrudim.xml"), "application/xml");
    }

    static void serve(String path, byte[] body, String contentType) {
        AGENDA.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    static byte[] sample(String connector, String file) {
        try {
            return Files.readAllBytes(Path.of("connectors", connector, "samples", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + KAFKA_PORT;
    }

    String sparqlUrl() {
        return "http://localhost:" + port + "/sparql";
    }

    /** Waits for the start-up poll of both connectors, then for the store to catch up with the change log. */
    void awaitStartupRuns() {
        await().atMost(Duration.ofMinutes(2)).until(() -> connectors.lastRun(OFN) != null
                && connectors.lastRun(EDESKY) != null);
        awaitMaterialized();
    }

    void awaitMaterialized() {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> materializer.lag() == 0);
    }

    long count(String whereClause) {
        String query = "SELECT (COUNT(*) AS ?count) WHERE { " + whereClause + " }";
        try (QueryExecHTTP exec = QueryExecHTTP.service(sparqlUrl()).query(query).build()) {
            return ((Number) exec.select().next().get("count").getLiteralValue()).longValue();
        }
    }

    boolean ask(String query) {
        try (QueryExecHTTP exec = QueryExecHTTP.service(sparqlUrl()).query(query).build()) {
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
