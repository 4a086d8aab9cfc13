package cz.spojka.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.connector.ConnectorDryRun;
import cz.spojka.mapping.Entities;
import cz.spojka.mapping.Entity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guard over the real MV ČR sample as the uredni-deska-ofn connector maps it, and over entities written here. */
class PersonalDataGuardTest {

    private static final String KEY = "a-test-key-of-at-least-32-characters";
    private static final PersonalDataGuard GUARD = new PersonalDataGuard(NameLexicon.bundled(), new Pseudonyms(KEY));
    private static final String NOTICES = "http://localhost:8080/zdroj/uredni-deska/00007064/informace/";
    private static final Node TITLE = NodeFactory.createURI("http://purl.org/dc/terms/title");
    private static final Node URL = NodeFactory.createURI("http://schema.org/downloadUrl");

    private static List<Entity> sample;

    @BeforeAll
    static void mapTheRealSample() {
        ConnectorDryRun.Result result =
                ConnectorDryRun.ofRepository(Path.of("")).test(Path.of("connectors/uredni-deska-ofn"), null);
        sample = result.samples().get(0).entities();
    }

    @Test
    void redactsTheNamesOfTheRealSampleInTitlesDocumentsAndLinks() throws IOException {
        long started = System.nanoTime();
        List<Guarded> guarded =
                sample.stream().map(e -> GUARD.inspect(e, PrivacyPolicy.REDACT)).toList();
        System.out.printf("guarded %d entities in %d ms%n", sample.size(), (System.nanoTime() - started) / 1_000_000);
        List<Guarded> redacted =
                guarded.stream().filter(g -> g.counts().found() > 0).toList();
        assertThat(guarded).noneMatch(Guarded::held);
        assertThat(redacted).hasSize(627).allMatch(g -> g.entity().kind().equals("notice"));
        PersonalDataCounts total =
                guarded.stream().map(Guarded::counts).reduce(PersonalDataCounts.NONE, PersonalDataCounts::plus);
        assertThat(total).isEqualTo(new PersonalDataCounts(2306, 2306, 0, 0));

        Map<String, Entity> byIri =
                guarded.stream().map(Guarded::entity).collect(Collectors.toMap(Entity::iri, Function.identity()));
        Entity putikova = byIri.get(NOTICES + "opendata-test.mvcr.cz/api/boards/3/info/1571034");
        assertThat(texts(putikova, TITLE)).containsExactly("Oznámení o možnosti převzetí písemnosti - [osobní údaj]");
        assertThat(texts(putikova, URL))
                .as("the page's address names her: the link is dropped")
                .isEmpty();
        String everything =
                byIri.values().stream().flatMap(e -> allTexts(e).stream()).collect(Collectors.joining("\n"));
        assertThat(everything)
                .as("documents named after the addressee")
                .contains("Výzva [osobní údaj].pdf", "V Ý Z V A [osobní údaj]..pdf", "[osobní údaj].pdf");
        assertThat(everything).contains("Výzva k převzetí písemnosti - [osobní údaj], roč. [osobní údaj]");
        // A year alone ("2005") is personal only where it is a year of birth; every other labelled span is a name.
        for (String span : labelledSpans()) {
            if (span.chars().anyMatch(Character::isLetter)) {
                assertThat(everything).as("the labelled personal data %s", span).doesNotContain(span);
            }
        }
    }

    @Test
    void holdsTheEntityAsMappedWithItsFindings() {
        Entity notice = notice(
                "VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - SVADEBA Ruslan",
                "https://www.mvcr.cz/clanek/verejna-vyhlaska-oznameni-o-moznosti-prevzit-pisemnost-svadeba-ruslan.aspx");
        Guarded held = GUARD.inspect(notice, PrivacyPolicy.HOLD);
        assertThat(held.held()).isTrue();
        assertThat(held.entity()).isSameAs(notice);
        assertThat(held.counts()).isEqualTo(new PersonalDataCounts(2, 0, 0, 1));
        assertThat(held.findings())
                .containsExactlyInAnyOrder(
                        new EntityFinding(PersonalDataKind.NAME, "SVADEBA Ruslan", TITLE.getURI(), false),
                        new EntityFinding(PersonalDataKind.NAME, "SVADEBA Ruslan", URL.getURI(), true));
    }

    @Test
    void pseudonymisesTheSamePersonAlikeInEitherOrderAndOthersNot() {
        Entity first = notice("Výzva k převzetí písemnosti - Jan NOVÁK", null);
        Entity second = notice("VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - NOVÁK Jan", null);
        Entity other = notice("Výzva k převzetí písemnosti - Petr NOVÁK", null);
        String pseudonym = texts(
                        GUARD.inspect(first, PrivacyPolicy.PSEUDONYMISE).entity(), TITLE)
                .get(0)
                .replace("Výzva k převzetí písemnosti - ", "");
        assertThat(pseudonym).matches("\\[osobní údaj [0-9a-f]{12}]");
        Guarded again = GUARD.inspect(second, PrivacyPolicy.PSEUDONYMISE);
        assertThat(texts(again.entity(), TITLE))
                .containsExactly("VEŘEJNÁ VYHLÁŠKA, oznámení o možnosti převzít písemnost - " + pseudonym);
        assertThat(again.counts()).isEqualTo(new PersonalDataCounts(1, 0, 1, 0));
        assertThat(texts(GUARD.inspect(other, PrivacyPolicy.PSEUDONYMISE).entity(), TITLE)
                        .get(0))
                .doesNotContain(pseudonym);
        PersonalDataGuard otherKey =
                new PersonalDataGuard(NameLexicon.bundled(), new Pseudonyms("another-key-of-at-least-32-characters"));
        assertThat(texts(otherKey.inspect(first, PrivacyPolicy.PSEUDONYMISE).entity(), TITLE)
                        .get(0))
                .doesNotContain(pseudonym);
    }

    @Test
    void holdsAnEntityWhoseOwnIriCarriesPersonalDataWhateverThePolicy() {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString("""
                        <http://hub.test/zdroj/osoba/natalie-putikova> <http://purl.org/dc/terms/title>
                            "Oznámení o možnosti převzetí písemnosti - Natálie Putíková"@cs .
                        """, Lang.TURTLE).parse(graph);
        Entity entity = Entities.of("http://hub.test/zdroj/osoba/natalie-putikova", "notice", "1", graph);
        assertThat(GUARD.inspect(entity, PrivacyPolicy.REDACT).held()).isTrue();
    }

    @Test
    void leavesAnEntityWithoutPersonalDataAsItIs() {
        Entity notice =
                notice("Oznámení o nálezu zbraně kategorie B - ÚO Příbram", "https://www.policie.cz/clanek/x.aspx");
        Guarded guarded = GUARD.inspect(notice, PrivacyPolicy.REDACT);
        assertThat(guarded.entity()).isSameAs(notice);
        assertThat(guarded.counts()).isEqualTo(PersonalDataCounts.NONE);
    }

    private static Entity notice(String title, String url) {
        Graph graph = GraphFactory.createDefaultGraph();
        String iri = NOTICES + "test/1";
        RDFParser.fromString(
                        "<" + iri + "> <" + TITLE.getURI() + "> \"" + title + "\"@cs ."
                                + (url == null ? "" : "<" + iri + "> <" + URL.getURI() + "> <" + url + "> ."),
                        Lang.TURTLE)
                .parse(graph);
        return Entities.of(iri, "notice", "1", graph);
    }

    private static List<String> texts(Entity entity, Node property) {
        List<String> texts = new ArrayList<>();
        entity.graph()
                .find(NodeFactory.createURI(entity.iri()), property, Node.ANY)
                .forEachRemaining(t -> texts.add(
                        t.getObject().isURI()
                                ? t.getObject().getURI()
                                : t.getObject().getLiteralLexicalForm()));
        return texts;
    }

    private static List<String> allTexts(Entity entity) {
        List<String> texts = new ArrayList<>();
        entity.graph()
                .find()
                .forEachRemaining(t -> texts.add(
                        t.getObject().isLiteral()
                                ? t.getObject().getLiteralLexicalForm()
                                : t.getObject().toString()));
        return texts;
    }

    private static List<String> labelledSpans() throws IOException {
        List<String> spans = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(
                Path.of("src/test/resources/cz/spojka/privacy/labelled-titles.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
                for (String span : row.get("spans").split("\\|")) {
                    if (!span.isEmpty()) {
                        spans.add(span);
                    }
                }
            }
        }
        return spans;
    }
}
