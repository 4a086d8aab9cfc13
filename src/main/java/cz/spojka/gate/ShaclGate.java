package cz.spojka.gate;

import cz.spojka.mapping.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The SHACL gate: every mapped entity is validated against the shapes in {@code vocab/shapes/*.ttl} before anything
 * is published. A run's entities are validated together and each violation is attributed to the entity whose triples
 * it is about, so one invalid entity never holds back the others.
 */
public final class ShaclGate {

    private final Shapes shapes;

    public ShaclGate(Path shapesDir) {
        Graph all = GraphFactory.createDefaultGraph();
        List<Path> files = turtleFiles(shapesDir);
        files.forEach(file -> RDFDataMgr.read(all, file.toString(), Lang.TURTLE));
        this.shapes = Shapes.parse(all);
    }

    /**
     * Validates many entities in one pass over their union — much faster than one validation per entity — and
     * attributes each violation to the entity whose triples it is about.
     *
     * @return the verdicts of the entities that failed, by entity IRI; entities not in the map passed
     */
    public Map<String, Verdict> check(Collection<Entity> entities) {
        Graph union = GraphFactory.createDefaultGraph();
        Map<Node, String> owners = new HashMap<>();
        for (Entity entity : entities) {
            entity.graph().find().forEachRemaining(t -> {
                union.add(t);
                owners.putIfAbsent(t.getSubject(), entity.iri());
            });
        }
        // A shape may also target objects (links, literals); such a focus node belongs to the entity that uses it.
        for (Entity entity : entities) {
            entity.graph().find().forEachRemaining(t -> owners.putIfAbsent(t.getObject(), entity.iri()));
        }
        ValidationReport report = ShaclValidator.get().validate(shapes, union);
        if (report.conforms()) {
            return Map.of();
        }
        Map<String, ValidationReport.Builder> byEntity = new LinkedHashMap<>();
        for (ReportEntry entry : report.getEntries()) {
            String owner = owners.get(entry.focusNode());
            if (owner == null) {
                throw new IllegalStateException("SHACL reported a violation on " + entry.focusNode()
                        + ", which belongs to no entity of the run: " + entry.message());
            }
            byEntity.computeIfAbsent(owner, o -> ValidationReport.create()).addReportEntry(entry);
        }
        Map<String, Verdict> verdicts = new HashMap<>();
        byEntity.forEach((iri, builder) -> {
            ValidationReport entityReport = builder.build();
            verdicts.put(iri, new Verdict(summary(entityReport), turtle(entityReport)));
        });
        return verdicts;
    }

    private static String summary(ValidationReport report) {
        StringBuilder text =
                new StringBuilder("SHACL: ").append(report.getEntries().size()).append(" violation(s)");
        for (ReportEntry entry : report.getEntries()) {
            text.append("; ").append(entry.message());
            if (entry.resultPath() != null) {
                text.append(" [path ").append(entry.resultPath()).append(']');
            }
        }
        return text.toString();
    }

    private static String turtle(ValidationReport report) {
        java.io.StringWriter out = new java.io.StringWriter();
        RDFDataMgr.write(out, report.getGraph(), RDFFormat.TURTLE_PRETTY);
        return out.toString();
    }

    private static List<Path> turtleFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the SHACL shapes in " + dir.toAbsolutePath() + " (spojka.vocab-dir): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Why an entity was rejected.
     *
     * @param reason one line naming each violation, for logs and the dead-letter record
     * @param report the entity's SHACL validation report as Turtle
     */
    public record Verdict(String reason, String report) {}
}
