package cz.spojka.connector;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar spojka.jar connector test connectors/<id> [sample-file]}: the dry run of one connector from the
 * command line, run from the repository root. The mapped entities go to standard output as Turtle; the summary and
 * every problem (configuration, rejected records, SHACL violations with their reports) to standard error. Exits 0
 * when everything mapped and passed the gate, 1 otherwise, 2 on wrong usage.
 */
public final class ConnectorTestCommand {

    static final String USAGE = "usage: java -jar spojka.jar connector test connectors/<id> [sample-file]";

    private ConnectorTestCommand() {}

    /** Whether the command line asks for this command rather than for the hub. */
    public static boolean matches(String[] args) {
        return args.length > 0 && args[0].equals("connector");
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 3 || args.length > 4 || !args[1].equals("test")) {
            err.println(USAGE);
            return 2;
        }
        Path folder = Path.of(args[2]);
        Path sample = args.length == 4 ? Path.of(args[3]) : null;
        if (!Files.isRegularFile(folder.resolve("connector.yaml"))) {
            err.println(folder + " has no connector.yaml; " + USAGE);
            return 2;
        }
        if (sample != null && !Files.isRegularFile(sample)) {
            err.println("no such sample file: " + sample);
            return 2;
        }
        ConnectorDryRun.Result result =
                ConnectorDryRun.ofRepository(Path.of("")).test(folder, sample);
        report(result, out, err);
        return result.passed() ? 0 : 1;
    }

    private static void report(ConnectorDryRun.Result result, PrintStream out, PrintStream err) {
        result.problems().forEach(p -> err.println("CONFIG " + p));
        if (result.definition() != null && result.samples().isEmpty()) {
            err.println("NO SAMPLES: the connector has no files in samples/ and no file was given");
        }
        for (ConnectorDryRun.SampleResult sample : result.samples()) {
            if (sample.error() != null) {
                err.println("FAILED " + sample.file() + ": " + sample.error());
                continue;
            }
            out.println(sample.turtle());
            sample.rejected().forEach((id, why) -> err.println("REJECTED record " + id + ": " + why));
            sample.violations().forEach((iri, verdict) -> {
                err.println("SHACL " + iri + ": " + verdict.reason());
                err.println(verdict.report());
            });
            err.println(sample.file() + ": " + sample.records() + " records, "
                    + sample.rejected().size()
                    + " rejected, entities " + sample.entitiesByKind() + ", "
                    + sample.violations().size()
                    + " failing SHACL");
        }
        err.println(result.passed() ? "PASSED" : "FAILED");
    }
}
