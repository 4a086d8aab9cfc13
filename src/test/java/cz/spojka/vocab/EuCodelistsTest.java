package cz.spojka.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.connector.DataTheme;
import cz.spojka.connector.UpdateFrequency;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;

/**
 * The EU authority tables connector.yaml names items of by code are the codelists the hub publishes: the codes a
 * connector may give are exactly the concepts of {@code vocab/codelists/eu-data-theme.ttl} and
 * {@code eu-frequency.ttl}, with the same IRIs, each with a Czech and an English label.
 */
class EuCodelistsTest {

    @Test
    void theThemesAreTheConceptsOfTheDataThemeCodelist() {
        Graph codelist = RDFDataMgr.loadGraph("vocab/codelists/eu-data-theme.ttl");

        assertThat(conceptsOf(codelist, DataTheme.SCHEME))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(DataTheme.values()).map(DataTheme::iri).toList());
        assertLabelled(codelist, DataTheme.SCHEME);
    }

    @Test
    void theFrequenciesAreTheConceptsOfTheFrequencyCodelist() {
        Graph codelist = RDFDataMgr.loadGraph("vocab/codelists/eu-frequency.ttl");

        assertThat(conceptsOf(codelist, UpdateFrequency.SCHEME))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(UpdateFrequency.values())
                        .map(UpdateFrequency::iri)
                        .toList());
        assertLabelled(codelist, UpdateFrequency.SCHEME);
        assertThat(codelist.find(
                                NodeFactory.createURI(UpdateFrequency.EVERY_15_MINUTES.iri()),
                                SKOS.notation.asNode(),
                                Node.ANY)
                        .mapWith(t -> t.getObject().getLiteralLexicalForm())
                        .toList())
                .containsExactly("15MIN");
    }

    private static List<String> conceptsOf(Graph codelist, String scheme) {
        return codelist.find(Node.ANY, SKOS.inScheme.asNode(), NodeFactory.createURI(scheme))
                .mapWith(t -> t.getSubject().getURI())
                .toList();
    }

    private static void assertLabelled(Graph codelist, String scheme) {
        for (String concept : conceptsOf(codelist, scheme)) {
            List<String> languages = codelist.find(NodeFactory.createURI(concept), SKOS.prefLabel.asNode(), Node.ANY)
                    .mapWith(t -> t.getObject().getLiteralLanguage())
                    .toList();
            assertThat(languages).as(concept).containsExactlyInAnyOrder("cs", "en");
        }
    }
}
