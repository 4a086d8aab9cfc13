package cz.spojka.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void appendsAParameterAndKeepsTheRestOfTheQueryAsWritten() {
        URI url = URI.create("https://edesky.cz/api/v1/documents?dashboard_id=97&api_key=a%2Bb#top");
        assertThat(QueryParameters.with(url, "page", "2"))
                .hasToString("https://edesky.cz/api/v1/documents?dashboard_id=97&api_key=a%2Bb&page=2#top");
    }

    @Test
    void replacesAParameterOfTheSameName() {
        URI url = URI.create("https://agenda.example/desky?page=1&limit=50");
        assertThat(QueryParameters.with(url, "page", "3")).hasToString("https://agenda.example/desky?limit=50&page=3");
    }

    @Test
    void encodesTheValue() {
        URI url = URI.create("https://agenda.example/desky");
        assertThat(QueryParameters.with(url, "změněno-od", "2024-05-24T20:20:09+02:00"))
                .hasToString("https://agenda.example/desky?zm%C4%9Bn%C4%9Bno-od=2024-05-24T20%3A20%3A09%2B02%3A00");
    }
}
