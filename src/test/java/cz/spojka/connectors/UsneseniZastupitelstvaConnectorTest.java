package cz.spojka.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import cz.spojka.connector.ConfigProblem;
import cz.spojka.connector.ConnectorDryRun;
import cz.spojka.connector.ConnectorLoader;
import cz.spojka.connector.RouteTemplates;
import cz.spojka.gate.ShaclGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

/**
 * The council-resolution connector ({@code jdbc-poll}) over its sample agenda database, the real resolution of the
 * Plasy council from the OFN draft "Hlasování": the exact entities and values it publishes, and the votes the gate
 * rejects.
 */
class UsneseniZastupitelstvaConnectorTest {

    private static final Path FOLDER = Path.of("connectors/usneseni-zastupitelstva");
    private static final String BASE = "http://localhost:8080/zdroj/usneseni-zastupitelstva/00258245/";
    private static final String PREFIXES = """
            PREFIX zast: <https://slovník.gov.cz/legislativní/sbírka/128/2000/pojem/>
            PREFIX hlas: <https://slovník.gov.cz/datový/hlasování-zastupitelstva-obce/pojem/>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX schema: <http://schema.org/>
            PREFIX time: <http://www.w3.org/2006/time#>
            """;
    private static final ConnectorDryRun DRY_RUN = ConnectorDryRun.ofRepository(Path.of(""));

    @Test
    void theRealSampleBecomesOneMeetingResolutionAndVote() {
        ConnectorDryRun.Result result = DRY_RUN.test(FOLDER, null);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().template()).isEqualTo("jdbc-poll");
        assertThat(result.definition().completeSnapshots()).isFalse();
        ConnectorDryRun.SampleResult sample = result.sample("usneseni-plasy.sql");
        assertThat(sample.error()).isNull();
        assertThat(sample.records()).isEqualTo(1);
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).isEmpty();
        assertThat(sample.entitiesByKind())
                .containsExactly(
                        entry("council-meeting", 1L), entry("council-resolution", 1L), entry("council-vote", 1L));
        assertThat(result.passed()).isTrue();
    }

    @Test
    void publishesTheRealResolutionItsVoteAndMeeting() {
        Graph graph = DRY_RUN.test(FOLDER, null).sample("usneseni-plasy.sql").graph();

        QuerySolution vote = single(graph, """
                SELECT ?vote ?id ?result ?meeting ?resolution WHERE {
                  ?vote a zast:hlasování ; dcterms:identifier ?id ; hlas:výsledek ?result ;
                        dcterms:isPartOf ?meeting ; dcterms:subject ?resolution .
                  FILTER NOT EXISTS { ?vote hlas:počet-hlasů-pro ?count }
                }""");
        assertThat(iri(vote, "vote")).isEqualTo(BASE + "hlasovani/1-13-1");
        assertThat(vote.getLiteral("id").getString()).isEqualTo("1-13-1");
        assertThat(iri(vote, "result"))
                .isEqualTo("https://w3id.org/spojka/číselníky/výsledky-hlasování/položky/přijato");
        assertThat(iri(vote, "meeting")).isEqualTo(BASE + "zasedani/2018-10-30");
        assertThat(iri(vote, "resolution")).isEqualTo(BASE + "usneseni/1-13");

        QuerySolution resolution = single(graph, """
                SELECT ?number ?text ?meeting WHERE {
                  ?resolution a zast:usnesení ; dcterms:identifier ?number ; hlas:text-usnesení ?text ;
                              dcterms:isPartOf ?meeting .
                }""");
        assertThat(resolution.getLiteral("number").getString()).isEqualTo("1-13");
        assertThat(resolution.getLiteral("text").getString())
                .isEqualTo("Zastupitelstvo schvaluje měsíční odměnu pro neuvolněné členy zastupitelstva ve výši 600"
                        + " Kč.");
        assertThat(resolution.getLiteral("text").getLanguage()).isEqualTo("cs");
        assertThat(iri(resolution, "meeting")).isEqualTo(BASE + "zasedani/2018-10-30");

        QuerySolution meeting = single(graph, """
                SELECT ?number ?date ?municipality ?organizer WHERE {
                  ?meeting a zast:zasedání-zastupitelstva-obce ; hlas:číslo-zasedání ?number ;
                           zast:má-datum-a-čas-zasedání/time:inXSDDate ?date ;
                           dcterms:spatial ?municipality ; schema:organizer ?organizer .
                }""");
        assertThat(meeting.getLiteral("number").getInt()).isEqualTo(1);
        assertThat(meeting.getLiteral("date").getLexicalForm()).isEqualTo("2018-10-30");
        assertThat(meeting.getLiteral("date").getDatatypeURI()).isEqualTo("http://www.w3.org/2001/XMLSchema#date");
        assertThat(iri(meeting, "municipality")).isEqualTo("https://linked.cuzk.cz/resource/ruian/obec/559351");
        assertThat(iri(meeting, "organizer"))
                .isEqualTo("https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00258245");
    }

    @Test
    void votesWithAResultOutsideTheCodelistOrANegativeCountFailTheGate() {
        Path broken = Path.of("src/test/resources/cz/spojka/connectors/usneseni-zastupitelstva-broken.sql");

        ConnectorDryRun.SampleResult sample =
                DRY_RUN.test(FOLDER, broken).sample(broken.getFileName().toString());

        assertThat(sample.records()).isEqualTo(3);
        assertThat(sample.rejected()).isEmpty();
        assertThat(sample.violations()).containsOnlyKeys(BASE + "hlasovani/1-13-2", BASE + "hlasovani/1-13-3");
        assertThat(reason(sample, "1-13-2"))
                .isEqualTo("SHACL: 1 violation(s); The result (hlas:výsledek) of a vote must be an item of the"
                        + " codelist výsledky-hlasování: přijato or nepřijato [path"
                        + " <https://slovník.gov.cz/datový/hlasování-zastupitelstva-obce/pojem/výsledek>]");
        assertThat(reason(sample, "1-13-3"))
                .isEqualTo("SHACL: 1 violation(s); A vote may have at most one number of votes in favour"
                        + " (hlas:počet-hlasů-pro), a non-negative xsd:integer [path"
                        + " <https://slovník.gov.cz/datový/hlasování-zastupitelstva-obce/pojem/počet-hlasů-pro>]");
        assertThat(sample.passed()).isFalse();
    }

    /** The shapes list the codelist's items by hand: they must be exactly the items of the codelist file. */
    @Test
    void theShapesAllowExactlyTheItemsOfTheCodelist() {
        Graph codelist = RDFDataMgr.loadGraph("vocab/codelists/vysledky-hlasovani.ttl");
        Graph shapes = RDFDataMgr.loadGraph("vocab/shapes/hlasovani.shapes.ttl");

        Set<String> items = column(codelist, """
                SELECT ?item WHERE {
                  ?item a <http://www.w3.org/2004/02/skos/core#Concept> ;
                        <http://www.w3.org/2004/02/skos/core#inScheme>
                            <https://w3id.org/spojka/číselníky/výsledky-hlasování> .
                }""");
        Set<String> allowed = column(shapes, """
                SELECT ?item WHERE {
                  <https://w3id.org/spojka/tvary/hlasování#Hlasování-výsledek-hodnota>
                      <http://www.w3.org/ns/shacl#in>/<http://www.w3.org/1999/02/22-rdf-syntax-ns#rest>*/
                      <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> ?item .
                }""");
        assertThat(allowed)
                .containsExactlyInAnyOrderElementsOf(items)
                .contains("https://w3id.org/spojka/číselníky/výsledky-hlasování/položky/přijato")
                .hasSize(2);
    }

    /** jdbc-poll declares its runs incremental: a connector that omits snapshot must never derive deletions. */
    @Test
    void aJdbcPollConnectorThatOmitsSnapshotIsIncremental(@TempDir Path connectors) throws IOException {
        Path folder = Files.createDirectories(connectors.resolve("usneseni-zastupitelstva"));
        List<String> lines = Files.readAllLines(FOLDER.resolve("connector.yaml")).stream()
                .filter(line -> !line.startsWith("snapshot:"))
                .toList();
        Files.write(folder.resolve("connector.yaml"), lines);
        Files.copy(FOLDER.resolve("mapping.yaml"), folder.resolve("mapping.yaml"));
        ConnectorLoader loader = new ConnectorLoader(
                RouteTemplates.read(Path.of("routes")), new StandardEnvironment()::resolveRequiredPlaceholders, false);

        List<ConfigProblem> problems = new ArrayList<>();
        assertThat(loader.load(folder, problems).completeSnapshots()).isFalse();
        assertThat(problems).isEmpty();
    }

    private static String reason(ConnectorDryRun.SampleResult sample, String voteId) {
        ShaclGate.Verdict verdict = sample.violations().get(BASE + "hlasovani/" + voteId);
        return verdict.reason();
    }

    private static QuerySolution single(Graph graph, String select) {
        ResultSet results = ResultSet.adapt(
                QueryExec.graph(graph).query(PREFIXES + select).select().materialize());
        List<QuerySolution> rows = new ArrayList<>();
        results.forEachRemaining(rows::add);
        assertThat(rows).as(select).hasSize(1);
        return rows.get(0);
    }

    private static Set<String> column(Graph graph, String select) {
        Set<String> values = new HashSet<>();
        QueryExec.graph(graph)
                .query(select)
                .select()
                .forEachRemaining(row -> values.add(row.get("item").getURI()));
        return values;
    }

    private static String iri(QuerySolution solution, String variable) {
        RDFNode node = solution.get(variable);
        return node.asResource().getURI();
    }
}
