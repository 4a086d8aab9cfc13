package cz.spojka.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.store.SparqlEntityStore;
import cz.spojka.store.StoreReader;
import cz.spojka.store.TdbEntityStore;
import cz.spojka.store.TestStores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.impl.PrefixMappingImpl;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Downloads with {@code spojka.store.type=sparql}: the same real samples materialized into TDB2 and into an external
 * store (a real Fuseki server, written by {@code SparqlEntityStore} and read through its query endpoint) download
 * the same.
 */
class ExternalStoreDownloadsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Node> BOARD_GRAPHS = new ArrayList<>();
    private static final List<Node> CONTAINER_GRAPHS = new ArrayList<>();
    private static TdbEntityStore tdb2;
    private static FusekiServer fuseki;
    private static StoreReader inProcess;
    private static StoreReader external;

    @BeforeAll
    static void materializeTheSamplesIntoBothStores() throws IOException {
        tdb2 = TestStores.tdb2(Files.createTempDirectory("spojka-downloads-"), SampleData.BASE_IRI);
        fuseki = FusekiServer.create()
                .port(0)
                .add("/ds", DatasetGraphFactory.createTxnMem())
                .build()
                .start();
        String endpoint = "http://localhost:" + fuseki.getPort() + "/ds";
        SparqlEntityStore sparql = TestStores.sparql(endpoint + "/query", endpoint + "/update", SampleData.BASE_IRI);
        for (String connector : List.of("uredni-deska-ofn", "uredni-deska-edesky", "golemio-kontejnery")) {
            SampleData.Loaded loaded = SampleData.map(connector).into(tdb2).into(sparql);
            (connector.startsWith("uredni-deska") ? BOARD_GRAPHS : CONTAINER_GRAPHS).add(loaded.graph());
        }
        inProcess = StoreReader.of(tdb2.dataset());
        external = StoreReader.of(endpoint + "/query");
    }

    @AfterAll
    static void stop() {
        fuseki.stop();
        tdb2.close();
    }

    @Test
    void theNoticeBoardDocumentsAreTheSame() throws IOException {
        String fromExternal = ofn(OfnDownloads.noticeBoards(), BOARD_GRAPHS, external);

        assertThat(JSON.readTree(fromExternal)).hasSize(182 + 1);
        assertThat(fromExternal).isEqualTo(ofn(OfnDownloads.noticeBoards(), BOARD_GRAPHS, inProcess));
    }

    @Test
    void theContainerDocumentsAreTheSameAndTheNormsSchemaAcceptsThem() throws IOException {
        OfnDownload containers = OfnDownloads.wasteContainers();
        String fromExternal = ofn(containers, CONTAINER_GRAPHS, external);

        JsonNode documents = JSON.readTree(fromExternal);
        assertThat(documents).hasSize(41);
        for (JsonNode container : documents) {
            assertThat(OfnSchemas.violations(containers.schema(), container))
                    .as(container.toString())
                    .isEmpty();
        }
        assertThat(fromExternal).isEqualTo(ofn(containers, CONTAINER_GRAPHS, inProcess));
    }

    /** The same lines; their order is each store's own, as a table query has no ORDER BY. */
    @Test
    void theCsvHasTheSameLines() throws IOException {
        DatasetTable table = DatasetTables.read(Path.of("vocab", "tables"))
                .of("uredni-deska")
                .orElseThrow();

        String fromExternal = csv(table, external);

        String fromTdb2 = csv(table, inProcess);
        assertThat(fromExternal.lines().count()).isEqualTo(1 + 1206 + 43);
        assertThat(fromExternal.lines().findFirst()).isEqualTo(fromTdb2.lines().findFirst());
        assertThat(fromExternal.lines().sorted().toList())
                .isEqualTo(fromTdb2.lines().sorted().toList());
    }

    @Test
    void theTriplesAreTheSame() {
        Graph fromExternal = nTriples(external);

        assertThat(fromExternal.isIsomorphicWith(nTriples(inProcess))).isTrue();
        assertThat(fromExternal.size()).isPositive();
    }

    private static String ofn(OfnDownload download, List<Node> graphs, StoreReader store) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        download.write(graphs, store, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String csv(DatasetTable table, StoreReader store) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvDownload.write(table, BOARD_GRAPHS, store, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Graph nTriples(StoreReader store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdfDownload.write(DownloadFormat.N_TRIPLES, new PrefixMappingImpl(), BOARD_GRAPHS, store, out);
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(out.toString(StandardCharsets.UTF_8), Lang.NTRIPLES)
                .parse(graph);
        return graph;
    }
}
