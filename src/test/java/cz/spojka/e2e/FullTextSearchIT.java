package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full-text search over the titles of the real notice boards and the labels of the codelists, over SPARQL. */
class FullTextSearchIT extends HubIT {

    private static final String PREFIXES =
            "PREFIX text: <http://jena.apache.org/text#>" + " PREFIX dcterms: <http://purl.org/dc/terms/>";

    @BeforeEach
    void hubHasIngestedTheSamples() {
        awaitStartupRuns();
    }

    @Test
    void findsEveryTitleWithAWordWhateverItsEndingCaseAndDiacritics() {
        // The samples write the word as zbraň, zbraně and zbraní; the reference data's municipalities Zbraslav,
        // Zbraslavec, Zbraslavice and Zbrašín begin with "zbra" too, but are another word.
        long byText = search().count("{ SELECT DISTINCT ?s WHERE { ?s text:query \"zbrane\" } }");
        long byScan = search().count("{ SELECT DISTINCT ?s WHERE { ?s dcterms:title ?title"
                + " FILTER(REGEX(LCASE(?title), \"zbra[ňn]\")) } }");
        assertThat(byText).isEqualTo(byScan).isGreaterThan(50);
        assertThat(search().count("{ SELECT DISTINCT ?s WHERE { ?s text:query \"ZBRANĚ\" } }"))
                .isEqualTo(byText);
    }

    @Test
    void theExampleQueryFindsNoticesOfFoundWeapons() throws IOException {
        List<Binding> found = sparql().rows(Files.readString(Path.of("vocab/queries/full-text-search.rq")));
        assertThat(found).hasSize(20).allSatisfy(row -> {
            assertThat(row.get("label").getLiteralLanguage()).isEqualTo("cs");
            assertThat(row.get("label").getLiteralLexicalForm().toLowerCase())
                    .contains("nález")
                    .contains("zbra");
        });
    }

    @Test
    void findsTheLabelsOfTheCodelists() {
        List<Binding> found =
                search().rows("SELECT ?concept WHERE { ?concept text:query" + " \"\\\"cinnost mistni spravy\\\"\" }");
        assertThat(found.stream().map(row -> row.get("concept").getURI()))
                .contains("https://w3id.org/spojka/číselník/rozpočtová-skladba-paragrafy/položky/6171");
    }

    private HubSparql search() {
        return sparql().withPrefixes(PREFIXES);
    }
}
