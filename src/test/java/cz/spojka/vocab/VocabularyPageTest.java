package cz.spojka.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML page of {@code /vocab} over the real {@code vocab/}: one anchored entry per term, shape, codelist and
 * dataset, every link inside the page lands on an anchor, nothing is loaded from elsewhere, and text is escaped.
 */
class VocabularyPageTest {

    static final String TERRITORY = "https://w3id.org/spojka/slovník/území/pojem/";
    static VocabularyCatalogue catalogue;
    static String page;

    @BeforeAll
    static void render() {
        PublishedVocabulary vocabulary = PublishedVocabulary.read(Path.of("vocab"), "http://spojka.test/vocab/");
        catalogue = VocabularyCatalogue.of(vocabulary, DatasetTerms.ofReference(vocabulary.graphsIn("reference")));
        page = VocabularyPage.render(catalogue);
    }

    @Test
    void anchorsEveryTermShapeCodelistAndDatasetOnce() {
        List<String> ids = matches("id=\"([^\"]+)\"");
        assertThat(ids).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>();
        catalogue.classes().forEach(t -> expected.add(t.iri()));
        catalogue.properties().forEach(t -> expected.add(t.iri()));
        catalogue.shapes().forEach(s -> expected.add(s.iri()));
        catalogue.codelists().forEach(c -> expected.add(c.iri()));
        catalogue.datasets().forEach(d -> expected.add(d.anchor()));
        assertThat(ids).containsAll(expected);
        assertThat(catalogue.classes()).hasSize(31);
        assertThat(catalogue.properties()).hasSize(95);
        assertThat(catalogue.codelists()).hasSize(10);
    }

    @Test
    void everyLinkInsideThePageLandsOnAnAnchor() {
        List<String> ids = matches("id=\"([^\"]+)\"");
        List<String> targets = matches("href=\"#([^\"]+)\"").stream()
                .map(VocabularyPageTest::percentDecoded)
                .toList();
        assertThat(targets).hasSizeGreaterThan(500);
        assertThat(targets).allMatch(ids::contains, "an anchor on the page");
    }

    @Test
    void isOnePlainDocumentInCzechWithEnglishMarked() {
        assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"cs\">\n<head>\n<meta charset=\"utf-8\">");
        assertThat(page).doesNotContain("<script", "<link", "<img", "src=", "url(", "@import");
        assertThat(page).contains("<span lang=\"en\">/ Classes</span>", "<dd lang=\"en\">");
    }

    @Test
    void escapesTheTextOfTheVocabulary() {
        // skos:notation's English definition quotes its examples: "T58.5".
        assertThat(page).contains("such as &quot;T58.5&quot;").doesNotContain("such as \"T58.5\"");
    }

    @Test
    void listsTheShapesAndTheDatasetOfATerm() {
        String entry = page.substring(page.indexOf("<article id=\"" + TERRITORY + "počet-obyvatel\">"));
        entry = entry.substring(0, entry.indexOf("</article>"));
        assertThat(entry)
                .contains("<h3><a href=\"" + TERRITORY + "počet-obyvatel\">počet obyvatel</a>"
                        + " <span lang=\"en\">/ population</span></h3>")
                .contains("<dd>vocab/ontology: uzemi</dd>")
                .contains("<a href=\"#https://w3id.org/spojka/tvary/území%23Obec\">Obec nebo vojenský újezd</a>"
                        + " – pravidla <span lang=\"en\">/ rules</span>: počet obyvatel")
                .contains("<a href=\"#https://w3id.org/spojka/tvary/území%23PočetObyvatel\">počet obyvatel s datem</a>"
                        + " – cíl <span lang=\"en\">/ target</span>")
                .contains("<a href=\"#reference-obce\">Obce České republiky</a> (obce)");
    }

    private static List<String> matches(String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(page);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** What a browser matches an anchor with when no element has the fragment as it is written. */
    private static String percentDecoded(String fragment) {
        return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
