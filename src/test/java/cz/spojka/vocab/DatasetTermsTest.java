package cz.spojka.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.ConnectorLoader;
import cz.spojka.connector.Connectors;
import cz.spojka.connector.RouteTemplates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which terms each dataset uses: from the real connectors' mappings, and from the reference data itself. */
class DatasetTermsTest {

    static final String PAGE = "http://spojka.test/vocab";
    static final String DESKY = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/";
    static List<ConnectorDefinition> definitions;

    @BeforeAll
    static void loadConnectors() throws IOException {
        ConnectorLoader.Result result = new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false)
                .loadAll(Path.of("connectors"));
        assertThat(result.skipped()).isEmpty();
        definitions = result.loaded();
    }

    @Test
    void listsEachDatasetOfTheConnectorsOnceWithTheConnectorsThatFeedIt() {
        List<DatasetTerms> datasets = DatasetTerms.ofConnectors(active(definitions), PAGE);
        assertThat(datasets)
                .extracting(DatasetTerms::id)
                .containsExactly(
                        "kvalita-ovzdusi",
                        "obsazenost-parkovist",
                        "podnety",
                        "registr-smluv",
                        "rozpocet",
                        "uredni-deska",
                        "usneseni-zastupitelstva",
                        "zaplnenost-nadob");
        DatasetTerms boards = datasets.get(5);
        assertThat(boards.iri()).isEqualTo(PAGE + "#dataset-uredni-deska");
        assertThat(boards.anchor()).isEqualTo("dataset-uredni-deska");
        assertThat(boards.connectors()).containsExactly("uredni-deska-edesky", "uredni-deska-ofn");
        assertThat(boards.titles().cs()).contains("Úřední deska");
        assertThat(boards.graph()).isNull();
        assertThat(boards.classes()).contains(DESKY + "úřední-deska", DESKY + "informace-zveřejněná-na-úřední-desce");
        assertThat(boards.properties())
                .contains(
                        "http://purl.org/dc/terms/isPartOf",
                        "http://www.w3.org/2002/07/owl#sameAs",
                        "https://w3id.org/spojka/slovník/sourceRecordId")
                .doesNotContain("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    }

    /**
     * The OFN connector copies a notice's predicates through ?p: only the ones its template names are seen, with the
     * provenance the store adds.
     */
    @Test
    void aTemplateContributesOnlyTheTermsItNames() {
        ConnectorDefinition ofn = definitions.stream()
                .filter(d -> d.id().equals("uredni-deska-ofn"))
                .findFirst()
                .orElseThrow();
        DatasetTerms terms =
                DatasetTerms.ofConnectors(active(List.of(ofn)), PAGE).get(0);
        assertThat(terms.properties())
                .containsExactlyInAnyOrder(
                        "http://purl.org/dc/terms/title",
                        DESKY + "stránka-zveřejnění",
                        "http://purl.org/dc/terms/publisher",
                        "http://www.w3.org/2002/07/owl#sameAs",
                        "http://purl.org/dc/terms/isPartOf",
                        "http://www.w3.org/ns/prov#wasAttributedTo",
                        "http://www.w3.org/ns/prov#wasDerivedFrom",
                        "http://www.w3.org/ns/prov#wasGeneratedBy",
                        "http://www.w3.org/ns/prov#generatedAtTime",
                        "https://w3id.org/spojka/slovník/sourceRecordId",
                        "https://w3id.org/spojka/slovník/mappingVersion");
    }

    @Test
    void countsAConnectorOfManyMunicipalitiesOnce() {
        ConnectorDefinition one = definitions.get(0);
        ConnectorDefinition many = new ConnectorDefinition(
                one.id(),
                one.title(),
                one.description(),
                one.folder(),
                one.template(),
                one.parameters(),
                one.schedule(),
                one.completeSnapshots(),
                one.mapping(),
                one.dataset(),
                List.of(
                        Map.of("name", "Chrudim", "ico", "00270211", "ruian", "571164"),
                        Map.of("name", "Plasy", "ico", "00258245", "ruian", "559351")),
                one.resilience());
        DatasetTerms terms =
                DatasetTerms.ofConnectors(active(List.of(many)), PAGE).get(0);
        assertThat(terms.connectors()).containsExactly(one.id());
    }

    @Test
    void readsTheReferenceDataWithoutItsDescriptionOfItself() {
        PublishedVocabulary vocabulary = PublishedVocabulary.read(Path.of("vocab"), "http://spojka.test/vocab/");
        List<DatasetTerms> reference = DatasetTerms.ofReference(vocabulary.graphsIn("reference"));
        assertThat(reference).hasSize(1);
        DatasetTerms obce = reference.get(0);
        assertThat(obce.iri()).isEqualTo("https://w3id.org/spojka/referenční-data/obce");
        assertThat(obce.anchor()).isEqualTo("reference-obce");
        assertThat(obce.graph()).isEqualTo("http://spojka.test/vocab/reference/obce");
        assertThat(obce.titles().cs()).containsExactly("Obce České republiky");
        assertThat(obce.titles().en()).containsExactly("Municipalities of the Czech Republic");
        assertThat(obce.connectors()).isEmpty();
        assertThat(obce.classes()).hasSize(6).doesNotContain("http://rdfs.org/ns/void#Dataset");
        assertThat(obce.properties())
                .hasSize(13)
                .doesNotContain("http://purl.org/dc/terms/source", "http://purl.org/dc/terms/description");
    }

    private static List<Connectors.Active> active(List<ConnectorDefinition> loaded) {
        List<Connectors.Active> active = new ArrayList<>();
        for (ConnectorDefinition definition : loaded) {
            for (ConnectorDefinition instance : definition.instances()) {
                active.add(new Connectors.Active(
                        instance, null, null, instance.dataset().graphIri(PAGE)));
            }
        }
        return active;
    }
}
