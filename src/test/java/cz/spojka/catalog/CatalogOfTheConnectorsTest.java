package cz.spojka.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.ConnectorLoader;
import cz.spojka.connector.RouteTemplates;
import cz.spojka.downloads.DownloadFiles;
import cz.spojka.downloads.OfnSchemas;
import cz.spojka.mapping.OfflineContextLoader;
import cz.spojka.system.SpojkaProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of every ready connector under {@code connectors/}, built as the hub builds it: each document valid
 * against DCAT-AP-CZ's JSON Schema, the whole conforming to the DCAT-AP 3 shapes, no blank node.
 */
class CatalogOfTheConnectorsTest {

    static final String BASE = "https://spojka.test/";
    static final String SCHEMAS = "https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/schémata/";
    static final SpojkaProperties.Catalog SETTINGS = new SpojkaProperties.Catalog(
            "Otevřená data města Chrudim",
            "Open data of the town of Chrudim",
            "Datové sady města Chrudim.",
            "The datasets of the town of Chrudim.",
            "00270211",
            "Město Chrudim",
            "https://www.chrudim.eu/",
            "podatelna@chrudim-city.cz",
            "");
    private static HubCatalog catalog;
    private static List<CatalogDocument> documents;
    private static Graph graph;

    @BeforeAll
    static void buildTheCatalogue() throws IOException {
        ConnectorLoader.Result connectors = new ConnectorLoader(
                        RouteTemplates.read(Path.of("routes")), text -> text, false)
                .loadAll(Path.of("connectors"));
        assertThat(connectors.skipped()).isEmpty();
        List<ConnectorDefinition> instances = connectors.loaded().stream()
                .flatMap(c -> c.instances().stream())
                .toList();
        catalog =
                new HubCatalog(BASE, SETTINGS, BASE + "sparql", instances, DownloadFiles.declaredIn(Path.of("vocab")));
        graph = catalog.graph();
        documents = new ArrayList<>();
        documents.add(catalog.catalog());
        catalog.datasetIris().forEach(iri -> documents.add(catalog.dataset(iri).orElseThrow()));
        documents.add(catalog.service());
    }

    @Test
    void listsOneRecordPerDatasetAndMunicipality() {
        assertThat(catalog.datasetIris())
                .containsExactly(
                        BASE + "catalog/datasets/podnety/44992785",
                        BASE + "catalog/datasets/podnety/00845451",
                        BASE + "catalog/datasets/zaplnenost-nadob/00064581",
                        BASE + "catalog/datasets/kvalita-ovzdusi/00064581",
                        BASE + "catalog/datasets/obsazenost-parkovist/00064581",
                        BASE + "catalog/datasets/registr-smluv/00007064",
                        BASE + "catalog/datasets/rozpocet/00006947",
                        BASE + "catalog/datasets/rozpocet/44992785",
                        BASE + "catalog/datasets/uredni-deska/00270211",
                        BASE + "catalog/datasets/uredni-deska/00007064",
                        BASE + "catalog/datasets/usneseni-zastupitelstva/00258245");
        JsonNode listed = catalog.catalog().json().get("datová_sada");
        assertThat(StreamSupport.stream(listed.spliterator(), false).map(JsonNode::asText))
                .containsExactlyElementsOf(catalog.datasetIris());
    }

    @Test
    void everyDocumentIsValidAgainstItsSchema() {
        assertThat(OfnSchemas.violations(
                        SCHEMAS + "katalog.json", catalog.catalog().json()))
                .isEmpty();
        documents
                .subList(1, documents.size() - 1)
                .forEach(record -> assertThat(OfnSchemas.violations(SCHEMAS + "datová-sada.json", record.json()))
                        .as(record.iri())
                        .isEmpty());
    }

    @Test
    void theCatalogueConformsToDcatAp3() {
        ValidationReport report = DcatApShapes.validate(graph);

        assertThat(DcatApShapes.violations(report)).isEmpty();
        assertThat(DcatApShapes.unexpectedWarnings(report)).isEmpty();
    }

    @Test
    void theChecksFindAMissingMandatoryField() {
        CatalogDocument record = documents.get(1);
        ObjectNode withoutThemes = record.json().deepCopy();
        withoutThemes.remove("téma");
        assertThat(OfnSchemas.violations(SCHEMAS + "datová-sada.json", withoutThemes))
                .singleElement()
                .asString()
                .contains("téma");
        Graph withoutDescription = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(withoutDescription, graph);
        withoutDescription.remove(NodeFactory.createURI(record.iri()), DCTerms.description.asNode(), Node.ANY);
        assertThat(DcatApShapes.violations(DcatApShapes.validate(withoutDescription)))
                .singleElement()
                .asString()
                .isEqualTo(record.iri() + " <http://purl.org/dc/terms/description>: minCount[1]: Invalid cardinality:"
                        + " expected min 1: Got count = 0");
    }

    @Test
    void aPublisherIcoWithAWrongCheckDigitStopsTheHub() {
        SpojkaProperties.Catalog wrong =
                new SpojkaProperties.Catalog("t", "t", "d", "d", "00270212", "Město Chrudim", "", "", "");

        assertThat(CatalogRecord.checked(SETTINGS)).isSameAs(SETTINGS);
        assertThatThrownBy(() -> CatalogRecord.checked(wrong))
                .hasMessage("spojka.catalog.publisher-ico: '00270212' fails the IČO check digit (the weights 8…2"
                        + " applied to the first seven digits, the eighth must be (11 − sum mod 11) mod 10)");
    }

    /**
     * What {@link OfnNode} writes as RDF is what the JSON-LD says, read by the JSON-LD processor with the official
     * context, plus only the {@link References}: the types and names of resources no document describes.
     */
    @Test
    void theRdfIsTheJsonLdReadWithTheOfficialContextPlusTheReferences() {
        JsonLdGraphs reader = new JsonLdGraphs(new OfflineContextLoader(Path.of("vocab/contexts")));
        for (CatalogDocument document : documents) {
            Graph fromJsonLd = reader.read(document.json());
            Set<Node> described = fromJsonLd.find().mapWith(Triple::getSubject).toSet();

            assertThat(fromJsonLd.find().toList()).as(document.iri()).allMatch(document.graph()::contains);
            assertThat(document.graph().find().filterDrop(fromJsonLd::contains).toList())
                    .as(document.iri())
                    .allMatch(t -> !described.contains(t.getSubject())
                            && (t.getPredicate().equals(RDF.type.asNode())
                                    || t.getPredicate().getURI().equals("http://xmlns.com/foaf/0.1/name")));
        }
    }

    @Test
    void hasNoBlankNode() {
        assertThat(graph.find().toList())
                .isNotEmpty()
                .noneMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank());
        assertThat(graph.find()
                        .mapWith(t -> t.getObject())
                        .filterKeep(Node::isBlank)
                        .toList())
                .isEmpty();
    }
}
