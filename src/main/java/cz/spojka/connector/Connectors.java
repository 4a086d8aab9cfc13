package cz.spojka.connector;

import cz.spojka.access.DataClassification;
import cz.spojka.changelog.RunContext;
import cz.spojka.mapping.MappingBindings;
import cz.spojka.mapping.RecordMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The connectors of this hub: those that loaded, with their compiled mappings, those skipped with their problems,
 * and the last run of each.
 */
public final class Connectors {

    /** A loaded connector, ready to run. */
    public record Active(
            ConnectorDefinition definition, RecordMapper mapper, MappingBindings bindings, String graphIri) {

        /** The facts the changes of one run share: what was fetched when, mapped by which mapping version. */
        RunContext runContext(Instant fetchedAt, String mappingVersion) {
            return new RunContext(
                    definition.id(),
                    definition.dataset().id(),
                    graphIri,
                    fetchedAt,
                    mappingVersion,
                    RunReport.newRunId());
        }
    }

    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final Map<String, List<ConfigProblem>> skipped = new ConcurrentHashMap<>();
    private final RunHistory history;
    /** When each connector became active, the start of its wait for a first successful run. */
    private final Map<String, Instant> activatedAt = new ConcurrentHashMap<>();
    /** When each connector's newest successful run started; absent until asked for or recorded. */
    private final Map<String, Optional<Instant>> lastSuccess = new ConcurrentHashMap<>();

    private final CountDownLatch loaded = new CountDownLatch(1);

    public Connectors(RunHistory history) {
        this.history = history;
    }

    void activate(Active connector) {
        active.put(connector.definition().id(), connector);
        activatedAt.put(connector.definition().id(), Instant.now());
    }

    /** Called once the connector folders have all been read at start-up, the loaded ones activated. */
    void markLoaded() {
        loaded.countDown();
    }

    /** Whether the connectors have been loaded at start-up (see {@link #awaitLoaded}). */
    public boolean loaded() {
        return loaded.getCount() == 0;
    }

    /**
     * Waits until the connectors have been loaded at start-up; true when they have. Until then no dataset has a
     * classification ({@link #classification} is empty, so every dataset counts as internal): a channel that filters
     * events by it waits for this rather than withhold public events it has already passed.
     */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void skip(String connectorId, List<ConfigProblem> problems) {
        // A connector whose route could not be created was activated first; it (and its instances) must not look
        // loaded.
        active.keySet()
                .removeIf(id ->
                        id.equals(connectorId) || id.startsWith(connectorId + ConnectorDefinition.INSTANCE_SEPARATOR));
        skipped.put(connectorId, problems);
    }

    public Active active(String connectorId) {
        Active connector = active.get(connectorId);
        if (connector == null) {
            throw new NoSuchElementException(
                    "No connector '" + connectorId + "' is loaded; loaded: " + active.keySet());
        }
        return connector;
    }

    public Collection<Active> active() {
        return active.values().stream()
                .sorted(java.util.Comparator.comparing(a -> a.definition().id()))
                .toList();
    }

    /**
     * The classification the active connectors declare for a dataset; when connectors of one dataset disagree, the
     * strictest, so that a mistake in one of them never opens the others' data.
     */
    public Optional<DataClassification> classification(String dataset) {
        return active.values().stream()
                .map(a -> a.definition().dataset())
                .filter(d -> d.id().equals(dataset))
                .map(ConnectorDefinition.Dataset::classification)
                .max(java.util.Comparator.naturalOrder());
    }

    public Map<String, List<ConfigProblem>> skipped() {
        return Map.copyOf(skipped);
    }

    void recordRun(RunReport report) {
        history.record(report);
        if (report.succeeded()) {
            lastSuccess.put(report.connectorId(), Optional.of(report.startedAt()));
        }
    }

    /**
     * When the connector's newest successful run started, or {@code null} when none of its kept runs succeeded.
     */
    public Instant lastSuccess(String connectorId) {
        return lastSuccess
                .computeIfAbsent(
                        connectorId,
                        id -> history.runs(id).stream()
                                .filter(RunReport::succeeded)
                                .map(RunReport::startedAt)
                                .findFirst())
                .orElse(null);
    }

    /** When the connector became active in this hub, or {@code null} when it is not active. */
    Instant activatedAt(String connectorId) {
        return activatedAt.get(connectorId);
    }

    public RunReport lastRun(String connectorId) {
        return history.last(connectorId);
    }

    /** The connector's runs, newest first. */
    public List<RunReport> runs(String connectorId) {
        return history.runs(connectorId);
    }
}
