package cz.spojka.e2e;

import static org.awaitility.Awaitility.await;

import cz.spojka.SpojkaApplication;
import cz.spojka.connector.Connectors;
import cz.spojka.store.Materializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every hub of the integration tests runs with: its data and connectors folders, two free ports for its
 * in-process Kafka broker and, for a hub whose demo connectors poll, the address of the agenda systems. A Spring test
 * registers it ({@link #register}); a test that stops and restarts hubs starts each with it ({@link #start}). Each
 * test keeps its own properties beside these.
 *
 * @param agendaBaseUrl where the demo connectors find the agenda systems, {@code null} for a hub without them
 * @param rate the anonymous callers' requests per minute ({@value #RATE})
 */
record TestHub(Path dataDir, Path connectorsDir, String agendaBaseUrl, int kafkaPort, int controllerPort, int rate) {

    static final String RATE = "spojka.limits.public.rate.requests-per-minute";

    /**
     * The base IRI of every test hub, which the tests' expected IRIs start with: https, as a hub's public address
     * behind its TLS proxy is, and as DCAT-AP-CZ requires of the catalogue's IRIs and addresses.
     */
    static final String BASE_IRI = "https://spojka.test/";

    /** A hub on two free ports of its own, so that its broker never meets another test's. */
    static TestHub onFreePorts(Path dataDir, Path connectorsDir) {
        return new TestHub(dataDir, connectorsDir, null, TestPorts.free(), TestPorts.free(), 0);
    }

    /** The same hub, its demo connectors reading from the agenda systems at {@code baseUrl}. */
    TestHub withAgenda(String baseUrl) {
        return new TestHub(dataDir, connectorsDir, baseUrl, kafkaPort, controllerPort, rate);
    }

    /** The same hub with the same broker ports, starting afresh in {@code dir}. */
    TestHub withDataDir(Path dir) {
        return new TestHub(dir, connectorsDir, agendaBaseUrl, kafkaPort, controllerPort, rate);
    }

    /** The same hub with the anonymous callers' rate limit at {@code requestsPerMinute} (0: off, the default here). */
    TestHub withRate(int requestsPerMinute) {
        return new TestHub(dataDir, connectorsDir, agendaBaseUrl, kafkaPort, controllerPort, requestsPerMinute);
    }

    void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Starts the hub on a free HTTP port with these properties and then {@code ownArguments}. */
    ConfigurableApplicationContext start(String... ownArguments) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(ownArguments));
        return new SpringApplicationBuilder(SpojkaApplication.class).run(arguments.toArray(String[]::new));
    }

    ChangeLogReader changeLog() {
        return new ChangeLogReader("localhost:" + kafkaPort);
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spojka.data-dir", dataDir.toString());
        properties.put("spojka.connectors-dir", connectorsDir.toString());
        properties.put("spojka.base-iri", BASE_IRI);
        if (agendaBaseUrl != null) {
            properties.put("spojka.demo.base-url", agendaBaseUrl);
        }
        properties.put("spojka.kafka.embedded.port", kafkaPort);
        properties.put("spojka.kafka.embedded.controller-port", controllerPort);
        // The tests wait for the store after every step: the default second between looks would add up.
        properties.put("spojka.store.poll-timeout", "200ms");
        // Every test client calls from one address; LimitsIT sets a rate of its own.
        properties.put(RATE, rate);
        return properties;
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the first run of each connector has ended: a run still in flight would publish during the test. */
    static void awaitFirstRuns(Connectors connectors, Collection<String> connectorIds) {
        await().atMost(Duration.ofMinutes(3))
                .until(() -> connectorIds.stream().allMatch(id -> connectors.lastRun(id) != null));
    }

    /** Waits until the store has caught up with the change log, so that SPARQL answers show every change. */
    static void awaitMaterialized(Materializer materializer) {
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> materializer.lag() == 0);
    }
}
