package cz.spojka.connector;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connector test}: the dry run from the command line, on the real connectors and on broken ones. */
class ConnectorTestCommandTest {

    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String NOTICE =
            "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aGoodConnectorPrintsItsEntitiesAsTurtleAndPasses() {
        int exit = run("connector", "test", "connectors/uredni-deska-edesky");

        assertThat(exit).as(stderr()).isZero();
        Graph graph = RDFParser.create()
                .source(new StringReader(stdout()))
                .lang(Lang.TURTLE)
                .toGraph();
        assertThat(graph.find(Node.ANY, NodeFactory.createURI(RDF_TYPE), NodeFactory.createURI(NOTICE))
                        .toList())
                .hasSize(43);
        assertThat(stderr())
                .contains("43 records, 0 rejected, entities {notice=43, notice-board=1}, 0 failing SHACL")
                .endsWith("PASSED\n");
    }

    @Test
    void aSampleWithABadRecordFailsNamingTheRecordAndTheRule(@TempDir Path dir) throws IOException {
        Path sample = dir.resolve("documents.xml");
        String real = Files.readString(Path.of("connectors/uredni-deska-edesky/samples/documents-chrudim.xml"));
        Files.writeString(sample, real.replaceFirst("edesky_id='3312051'", "edesky_id=''"));

        int exit = run("connector", "test", "connectors/uredni-deska-edesky", sample.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr())
                .contains("REJECTED record #0: the record has no id at '/edesky_id'")
                .contains("43 records, 1 rejected")
                .endsWith("FAILED\n");
    }

    @Test
    void aBrokenConfigurationIsReportedWithFileLineAndField(@TempDir Path dir) throws IOException {
        Path folder = dir.resolve("broken");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("connector.yaml"), "id: broken\ntemplate: no-such-template\n", UTF_8);

        int exit = run("connector", "test", folder.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr())
                .contains("CONFIG " + folder.resolve("connector.yaml") + ":2: connector 'broken', field 'template'")
                .contains("no-such-template")
                .endsWith("FAILED\n");
    }

    @Test
    void wrongUsageExitsTwoWithTheUsage() {
        assertThat(run("connector", "check")).isEqualTo(2);
        assertThat(stderr()).contains(ConnectorTestCommand.USAGE);
    }

    private int run(String... args) {
        return ConnectorTestCommand.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    private String stdout() {
        return out.toString(UTF_8);
    }

    private String stderr() {
        return err.toString(UTF_8);
    }
}
