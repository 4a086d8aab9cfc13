package cz.spojka.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageFormatTest {

    @Test
    void aBrowserOrAnyClientGetsHtml() {
        assertThat(PageFormat.accepted("text/html,application/xhtml+xml,*/*;q=0.8"))
                .hasValue(PageFormat.HTML);
        assertThat(PageFormat.accepted("*/*")).hasValue(PageFormat.HTML);
        assertThat(PageFormat.accepted(null)).hasValue(PageFormat.HTML);
    }

    @Test
    void rdfByItsMediaTypeAndQuality() {
        assertThat(PageFormat.accepted("text/turtle")).hasValue(PageFormat.TURTLE);
        assertThat(PageFormat.accepted("text/html;q=0.5, application/n-triples"))
                .hasValue(PageFormat.N_TRIPLES);
        assertThat(PageFormat.accepted("application/json")).hasValue(PageFormat.JSON_LD);
        assertThat(PageFormat.accepted("application/rdf+xml")).hasValue(PageFormat.RDF_XML);
        assertThat(PageFormat.accepted("image/png")).isEmpty();
        assertThat(PageFormat.named("jsonld")).hasValue(PageFormat.JSON_LD);
        assertThat(PageFormat.named("xlsx")).isEmpty();
    }
}
