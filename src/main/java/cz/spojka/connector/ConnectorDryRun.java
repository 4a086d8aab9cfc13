package cz.spojka.connector;

import cz.spojka.gate.ShaclGate;
import cz.spojka.mapping.Entities;
import cz.spojka.mapping.Entity;
import cz.spojka.mapping.MappedRecord;
import cz.spojka.mapping.MappingBindings;
import cz.spojka.mapping.MappingException;
import cz.spojka.mapping.OfflineContextLoader;
import cz.spojka.mapping.RecordMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Checks a connector folder without Kafka or a store: validates its configuration against the route templates,
 * maps its samples (or a given file) and passes the entities through the SHACL gate. A sample {@code *.sql} is an
 * agenda database: the connector's query runs on it ({@link SqlSample}). The command {@code connector
 * test} prints the outcome; connector tests assert on it.
 */
public final class ConnectorDryRun {

    private final ConnectorLoader loader;
    private final OfflineContextLoader contexts;
    private final ShaclGate gate;
    private final String baseIri;

    public ConnectorDryRun(ConnectorLoader loader, OfflineContextLoader contexts, ShaclGate gate, String baseIri) {
        this.loader = loader;
        this.contexts = contexts;
        this.gate = gate;
        this.baseIri = baseIri;
    }

    /**
     * A dry run with the {@code routes/} and {@code vocab/} below {@code root} and base IRI
     * {@code http://localhost:8080/}. Placeholders in {@code connector.yaml} resolve as the hub resolves them: system
     * properties, environment variables ({@code SPOJKA_DEMO_BASE_URL}), then the hub's defaults.
     */
    public static ConnectorDryRun ofRepository(Path root) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "spojka-defaults", Map.of("spojka.demo.base-url", "http://localhost:8080/demo")));
        return of(root, environment);
    }

    private static ConnectorDryRun of(Path root, StandardEnvironment environment) {
        RouteTemplates templates = RouteTemplates.read(root.resolve("routes"));
        boolean pseudonymKey =
                !environment.getProperty("spojka.privacy.pseudonym-key", "").isBlank();
        return new ConnectorDryRun(
                new ConnectorLoader(templates, environment::resolveRequiredPlaceholders, pseudonymKey),
                new OfflineContextLoader(root.resolve("vocab/contexts")),
                new ShaclGate(root.resolve("vocab/shapes")),
                "http://localhost:8080/");
    }

    /**
     * Tests a connector folder.
     *
     * @param sample the file to map, or {@code null} for every file in the connector's {@code samples/}
     */
    public Result test(Path folder, Path sample) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConnectorDefinition definition = loader.load(folder, problems);
        if (definition == null || !problems.isEmpty()) {
            return new Result(null, problems, List.of());
        }
        ConnectorDefinition.Dataset dataset = definition.dataset();
        MappingBindings bindings = new MappingBindings(baseIri, dataset.id(), dataset.ico(), dataset.ruian());
        RecordMapper mapper = new RecordMapper(definition.mapping(), contexts);
        List<SampleResult> samples = new ArrayList<>();
        for (Path file : sample == null ? samples(folder) : List.of(sample)) {
            samples.add(map(file, definition.parameters(), mapper, bindings));
        }
        return new Result(definition, problems, samples);
    }

    private SampleResult map(Path file, Map<String, String> parameters, RecordMapper mapper, MappingBindings bindings) {
        byte[] body;
        try {
            body = SqlSample.isScript(file) ? SqlSample.body(file, parameters) : Files.readAllBytes(file);
        } catch (IOException e) {
            return SampleResult.failed(file, "cannot read the file: " + e.getMessage());
        } catch (SQLException e) {
            return SampleResult.failed(file, "the sample database: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return SampleResult.failed(file, e.getMessage());
        }
        List<MappedRecord> records;
        try {
            records = mapper.map(body, bindings);
        } catch (MappingException e) {
            return SampleResult.failed(file, e.getMessage());
        }
        Map<String, String> rejected = new TreeMap<>();
        records.stream()
                .filter(MappedRecord::rejected)
                .forEach(r -> rejected.put(r.record().id(), r.error()));
        List<Entity> entities = Entities.merge(records);
        Map<String, ShaclGate.Verdict> violations = new TreeMap<>(gate.check(entities));
        return new SampleResult(file, records.size(), rejected, entities, violations, null);
    }

    private static List<Path> samples(Path folder) {
        Path dir = folder.resolve("samples");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The outcome for one connector.
     *
     * @param definition the connector as loaded, or {@code null} when its configuration has problems
     * @param problems the configuration problems
     * @param samples the outcome for each mapped file
     */
    public record Result(ConnectorDefinition definition, List<ConfigProblem> problems, List<SampleResult> samples) {

        /** No configuration problem, at least one file mapped, and every file mapped cleanly. */
        public boolean passed() {
            return problems.isEmpty() && !samples.isEmpty() && samples.stream().allMatch(SampleResult::passed);
        }

        public SampleResult sample(String fileName) {
            return samples.stream()
                    .filter(s -> s.file().getFileName().toString().equals(fileName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no sample named " + fileName));
        }
    }

    /**
     * The outcome for one mapped file.
     *
     * @param file the file
     * @param records the records read from it
     * @param rejected why each rejected record was rejected, by record id
     * @param entities the entities the mapped records describe, one per IRI
     * @param violations the SHACL verdicts of the entities that failed the gate, by entity IRI
     * @param error why the whole file could not be read, or {@code null}
     */
    public record SampleResult(
            Path file,
            int records,
            Map<String, String> rejected,
            List<Entity> entities,
            Map<String, ShaclGate.Verdict> violations,
            String error) {

        static SampleResult failed(Path file, String error) {
            return new SampleResult(file, 0, Map.of(), List.of(), Map.of(), error);
        }

        public boolean passed() {
            return error == null && rejected.isEmpty() && violations.isEmpty() && !entities.isEmpty();
        }

        /** How many entities of each kind, by kind. */
        public Map<String, Long> entitiesByKind() {
            Map<String, Long> counts = new TreeMap<>();
            entities.forEach(e -> counts.merge(e.kind(), 1L, Long::sum));
            return counts;
        }

        /** All entities as one graph. */
        public Graph graph() {
            Graph graph = GraphFactory.createDefaultGraph();
            entities.forEach(e -> e.graph().find().forEachRemaining(graph::add));
            return graph;
        }

        public String turtle() {
            StringWriter out = new StringWriter();
            RDFDataMgr.write(out, graph(), RDFFormat.TURTLE_PRETTY);
            return out.toString();
        }
    }
}
