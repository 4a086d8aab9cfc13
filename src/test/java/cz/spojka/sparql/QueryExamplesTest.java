package cz.spojka.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.ConnectorLoader;
import cz.spojka.connector.RouteTemplates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** The example queries of {@code vocab/queries/} as the query UI lists them, and the problems of a broken file. */
class QueryExamplesTest {

    private static final QueryExamples EXAMPLES = QueryExamples.read(Path.of("vocab", "queries"));

    @Test
    void everyDatasetOfTheConnectorsHasAnExampleAndEveryExampleNamesRealDatasets() throws IOException {
        Set<String> datasets = new TreeSet<>();
        new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false)
                .loadAll(Path.of("connectors")).loaded().stream()
                        .map(ConnectorDefinition::dataset)
                        .forEach(dataset -> datasets.add(dataset.id()));
        Set<String> covered = new TreeSet<>();
        EXAMPLES.all().forEach(example -> covered.addAll(example.datasets()));

        assertThat(covered).isEqualTo(datasets);
    }

    @Test
    void theVocabularyTheMunicipalitiesTheCatalogueAndSearchHaveExamplesToo() {
        assertThat(EXAMPLES.all())
                .extracting(QueryExample::groupEn)
                .contains(
                        "Vocabulary and codelists", "Municipalities (reference data)", "Open-data catalogue", "Search");
    }

    @Test
    void anExampleIsItsFileWithoutTheDeclarationsAndStillParses() {
        QueryExample latest = EXAMPLES.all().stream()
                .filter(example -> example.id().equals("notices-latest"))
                .findFirst()
                .orElseThrow();

        assertThat(latest.titleCs()).isEqualTo("Nejnovější oznámení na úředních deskách");
        assertThat(latest.titleEn()).isEqualTo("The latest notices on the notice boards");
        assertThat(latest.groupCs()).isEqualTo("Úřední desky");
        assertThat(latest.groupEn()).isEqualTo("Notice boards");
        assertThat(latest.datasets()).containsExactly("uredni-deska");
        assertThat(latest.description()).startsWith("The notices posted last on every notice board, newest first,");
        assertThat(latest.query())
                .startsWith("# The notices posted last")
                .doesNotContain("# @")
                .contains("\n# (time:inXSDDateTimeStamp) or a date only (time:inXSDDate).\nPREFIX dcterms:");
        assertThat(EXAMPLES.all()).allSatisfy(example -> QueryFactory.create(example.query()));
    }

    @Test
    void thePrefixesAreThoseTheExamplesDeclare() {
        assertThat(EXAMPLES.prefixes())
                .containsEntry("desky", "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/")
                .containsEntry("spatialF", "http://jena.apache.org/function/spatial#")
                .containsEntry("dcat", "http://www.w3.org/ns/dcat#");
    }

    @Test
    void everyProblemOfEveryFileIsReportedWithItsFile() {
        Path folder = Path.of("src/test/resources/cz/spojka/sparql/broken-queries");

        assertThatThrownBy(() -> QueryExamples.read(folder)).satisfies(e -> {
            List<String> lines = e.getMessage().lines().map(String::trim).toList();
            assertThat(lines).as("the parser's message may take several lines").hasSizeGreaterThanOrEqualTo(5);
            assertThat(lines.subList(0, 4))
                    .containsExactly(
                            "The example queries (spojka.vocab-dir, queries/) have 4 problem(s):",
                            folder.resolve("english-only.rq")
                                    + ": @title must read '<Czech> | <English>': 'Only English'",
                            folder.resolve("english-only.rq")
                                    + ": unknown declaration '# @source somewhere': declare # @title, # @group and"
                                    + " # @datasets",
                            folder.resolve("no-title.rq")
                                    + ": must declare exactly one line '# @title <Czech> | <English>' in its leading"
                                    + " comments, found 0");
            assertThat(lines.get(4)).startsWith(folder.resolve("not-sparql.rq") + ": is not a SPARQL query: ");
        });
    }

    @Test
    void aFolderThatDoesNotExistHasNoExamples() {
        assertThat(QueryExamples.read(Path.of("no-such-folder")).all()).isEmpty();
    }
}
