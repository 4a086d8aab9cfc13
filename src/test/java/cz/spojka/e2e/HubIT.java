package cz.spojka.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub as a user runs it — in-process KRaft broker, TDB2 on disk, the real notice-board connectors of
 * {@code connectors/} —
 * with WireMock standing in for the agenda systems (it serves the connectors' real samples where the demo base URL
 * points). Beside them is {@value #WITHOUT_THEMES}, a notice board whose catalogue record lacks its themes: the hub
 * skips it. All integration tests extending this class share one hub.
 */
abstract class HubIT extends HubUnderTest {

    static final String OFN = AgendaSystem.OFN;
    static final String EDESKY = AgendaSystem.EDESKY;
    static final String OFN_SAMPLE = AgendaSystem.OFN_SAMPLE;
    private static final AgendaSystem AGENDA_SYSTEM = new AgendaSystem().start();
    static final WireMockServer AGENDA = AGENDA_SYSTEM.server();
    static final String WITHOUT_THEMES = "uredni-deska-bez-temat";
    static final Path CONNECTORS_DIR = withFixture(AgendaSystem.noticeBoardConnectors(), WITHOUT_THEMES);
    private static final TestHub HUB =
            TestHub.onFreePorts(TestHub.tempDir("spojka-it-"), CONNECTORS_DIR).withAgenda(AGENDA_SYSTEM.baseUrl());

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
        // Small chunks, so the samples cross chunk boundaries (an eDesky board is described by all its documents).
        registry.add("spojka.ingest.chunk-records", () -> 5);
        // Limits the samples can exceed, and a timeout the tests can wait for (SparqlLimitsIT).
        registry.add("spojka.limits.public.result-rows", () -> SparqlLimitsIT.ROW_LIMIT);
        registry.add("spojka.limits.public.timeout", () -> SparqlLimitsIT.QUERY_TIMEOUT);
    }

    /**
     * Copies a connector of {@code src/test/resources/cz/spojka/e2e/catalog-connectors/} into the folder (a copy, not a
     * link: its mapping is a path relative to the folder it stands in).
     */
    private static Path withFixture(Path connectors, String id) {
        try {
            Path folder = Files.createDirectories(connectors.resolve(id));
            Files.copy(
                    Path.of("src/test/resources/cz/spojka/e2e/catalog-connectors", id, "connector.yaml"),
                    folder.resolve("connector.yaml"));
            return connectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void serve(String path, byte[] body, String contentType) {
        AGENDA_SYSTEM.serve(path, body, contentType);
    }

    static byte[] sample(String connector, String file) {
        return AgendaSystem.sample(connector, file);
    }

    ChangeLogReader changeLog() {
        return HUB.changeLog();
    }

    /**
     * Waits for the start-up poll of every demo connector (not only the notice boards: a run still in flight would
     * publish during the test), then for the store to catch up with the change log.
     */
    void awaitStartupRuns() {
        TestHub.awaitFirstRuns(
                connectors,
                connectors.active().stream().map(c -> c.definition().id()).toList());
        awaitMaterialized();
    }

    long count(String whereClause) {
        return sparql().count(whereClause);
    }

    boolean ask(String query) {
        return sparql().ask(query);
    }
}
