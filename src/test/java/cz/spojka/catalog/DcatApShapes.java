package cz.spojka.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.rulesys.RDFSRuleReasoner;
import org.apache.jena.reasoner.rulesys.RDFSRuleReasonerFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.ReasonerVocabulary;

/**
 * The DCAT-AP 3.0.0 SHACL shapes bundled in {@code src/test/resources/cz/spojka/catalog/dcat-ap/}, applied as
 * DCAT-AP's validator applies them: to the data together with the codelists the hub publishes and the vCard axiom
 * the range checks need, under RDFS entailment (see the folder's README).
 */
public final class DcatApShapes {

    private static final Path BUNDLE = Path.of("src/test/resources/cz/spojka/catalog/dcat-ap");
    private static final Path CODELISTS = Path.of("vocab/codelists");
    private static final Shapes SHAPES = shapes();

    /** The warnings DCAT-AP-CZ makes unavoidable: its publishers and places are Czech registers' IRIs. */
    private static final List<String> EXPECTED_WARNING_PATHS =
            List.of("<http://purl.org/dc/terms/publisher>", "<http://purl.org/dc/terms/spatial>");

    private DcatApShapes() {}

    public static ValidationReport validate(Graph catalogue) {
        Graph data = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(data, catalogue);
        background().forEach(file -> GraphUtil.addInto(data, RDFDataMgr.loadGraph(file.toString())));
        return ShaclValidator.get().validate(SHAPES, entailed(data));
    }

    /** Every result of severity Violation, one line each (focus node, path, message). */
    public static List<String> violations(ValidationReport report) {
        return lines(report, Severity.Violation);
    }

    /** The warnings other than the two DCAT-AP-CZ makes unavoidable. */
    public static List<String> unexpectedWarnings(ValidationReport report) {
        return report.getEntries().stream()
                .filter(e -> e.severity() == Severity.Warning)
                .filter(e -> !EXPECTED_WARNING_PATHS.contains(String.valueOf(e.resultPath())))
                .map(DcatApShapes::line)
                .toList();
    }

    private static List<String> lines(ValidationReport report, Severity severity) {
        return report.getEntries().stream()
                .filter(e -> e.severity() == severity)
                .map(DcatApShapes::line)
                .toList();
    }

    private static String line(ReportEntry entry) {
        return entry.focusNode() + " " + entry.resultPath() + ": " + entry.message();
    }

    private static Graph entailed(Graph data) {
        RDFSRuleReasoner reasoner = new RDFSRuleReasoner(RDFSRuleReasonerFactory.theInstance());
        reasoner.setParameter(ReasonerVocabulary.PROPsetRDFSLevel, ReasonerVocabulary.RDFS_FULL);
        InfModel model = ModelFactory.createInfModel(reasoner, ModelFactory.createModelForGraph(data));
        Graph entailed = GraphFactory.createDefaultGraph();
        model.getGraph().find().forEachRemaining(entailed::add);
        return entailed;
    }

    private static List<Path> background() {
        try (Stream<Path> codelists = Files.list(CODELISTS)) {
            return Stream.concat(
                            codelists.filter(f -> f.getFileName().toString().startsWith("eu-")
                                    || f.getFileName().toString().startsWith("iana-")),
                            Stream.of(BUNDLE.resolve("vcard-organization.ttl")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Shapes shapes() {
        Graph shapes = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(
                shapes, RDFDataMgr.loadGraph(BUNDLE.resolve("dcat-ap-SHACL.ttl").toString()));
        GraphUtil.addInto(
                shapes,
                RDFDataMgr.loadGraph(
                        BUNDLE.resolve("mdr-vocabularies.shape.ttl").toString()));
        return Shapes.parse(shapes);
    }
}
