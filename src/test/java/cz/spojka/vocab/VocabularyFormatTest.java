package cz.spojka.vocab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.server.ResponseStatusException;

/** How {@code GET /vocab} picks HTML, Turtle or JSON-LD from {@code ?format=} and {@code Accept}. */
class VocabularyFormatTest {

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
                "html   | text/turtle                                                      | HTML"
            })
    void choosesByFormatParameterElseByAccept(String format, String accept, VocabularyFormat expected) {
        assertThat(VocabularyFormat.choose(format, accept)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "xml | -         | 400 BAD_REQUEST \"format 'xml' is not one of html, turtle, ttl, jsonld, json-ld\"",
                "-   | image/png | 406 NOT_ACCEPTABLE \"/vocab is served as text/html, text/turtle, application/ld+json;"
                        + " Accept asked for image/png\"",
                "-   | ???       | 400 BAD_REQUEST \"Accept is not a list of media types: ???\""
            })
    void refusesWithAMessageThatSaysWhatItServes(String format, String accept, String message) {
        assertThatThrownBy(() -> VocabularyFormat.choose(format, accept))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessage(message);
    }
}
