package cz.spojka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.server.ResponseStatusException;

/**
 * How {@code /vocab} and the Linked Data pages pick HTML, Turtle, JSON-LD, N-Triples or RDF/XML from {@code ?format=}
 * and {@code Accept}.
 */
class PageFormatTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "-      | -                                                                | HTML",
                "-      | text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8  | HTML",
                "-      | */*                                                              | HTML",
                "-      | text/turtle                                                      | TURTLE",
                "-      | application/ld+json                                              | JSON_LD",
                "-      | application/json                                                 | JSON_LD",
                "-      | text/turtle;q=0.5, application/ld+json                           | JSON_LD",
                "-      | text/html;q=0, text/turtle;q=0.1                                 | TURTLE",
                "ttl    | text/html                                                        | TURTLE",
                "turtle | -                                                                | TURTLE",
                "jsonld | text/turtle                                                      | JSON_LD",
                "json-ld| -                                                                | JSON_LD",
                "html   | text/turtle                                                      | HTML",
                "-      | text/html;q=0.5, application/n-triples                           | N_TRIPLES",
                "-      | application/rdf+xml                                              | RDF_XML",
                "-      | application/xml                                                  | RDF_XML",
                "nt     | -                                                                | N_TRIPLES",
                "rdf    | text/html                                                        | RDF_XML"
            })
    void choosesByFormatParameterElseByAccept(String format, String accept, PageFormat expected) {
        assertThat(PageFormat.choose(format, accept, "/vocab")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "xml | -         | 400 BAD_REQUEST \"format 'xml' is not one of html, ttl, turtle, jsonld, json-ld, nt, ntriples,"
                        + " rdf, rdfxml\"",
                "-   | image/png | 406 NOT_ACCEPTABLE \"/vocab is served as text/html, text/turtle, application/ld+json,"
                        + " application/n-triples, application/rdf+xml; Accept asked for image/png\"",
                "-   | ???       | 400 BAD_REQUEST \"Accept is not a list of media types: ???\""
            })
    void refusesWithAMessageThatSaysWhatItServes(String format, String accept, String message) {
        assertThatThrownBy(() -> PageFormat.choose(format, accept, "/vocab"))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessage(message);
    }

    @Test
    void textFormsNameTheirCharsetAndJsonLdAndRdfXmlDoNot() {
        assertThat(PageFormat.TURTLE.contentType()).hasToString("text/turtle;charset=UTF-8");
        assertThat(PageFormat.HTML.contentType()).hasToString("text/html;charset=UTF-8");
        assertThat(PageFormat.JSON_LD.contentType()).hasToString("application/ld+json");
        assertThat(PageFormat.RDF_XML.contentType()).hasToString("application/rdf+xml");
    }
}
