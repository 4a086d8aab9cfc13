package cz.spojka.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.connector.ConfigProblem;
import cz.spojka.connector.ConnectorLoader;
import cz.spojka.connector.RouteTemplates;
import cz.spojka.mapping.OfflineContextLoader;
import cz.spojka.mapping.RecordMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The walk through a source's pages, with the OFN demo connector's real mapping reading the bodies. */
class PagingTest {

    private static final URI URL = URI.create("https://agenda.example/api/desky?kraj=CZ053");
    private static final RecordMapper OFN = ofnMapping();

    @Test
    void pageNumbersCountUpUntilAPageWithoutRecords() {
        Paging.Walk walk = new Paging(Pagination.PAGE, "strana", 1, "pocet", 50, "").walk(URL);
        assertThat(walk.next()).hasToString("https://agenda.example/api/desky?kraj=CZ053&strana=1&pocet=50");
        assertThat(walk.advance(page(walk.next(), "[{\"iri\": \"a\"}, {\"iri\": \"b\"}]"), OFN))
                .isTrue();
        assertThat(walk.next()).hasToString("https://agenda.example/api/desky?kraj=CZ053&strana=2&pocet=50");
        assertThat(walk.advance(page(walk.next(), "[{\"iri\": \"c\"}]"), OFN))
                .as("a short page is not the end: the source may cap the page size")
                .isTrue();
        assertThat(walk.advance(page(walk.next(), "[]"), OFN)).isFalse();
    }

    @Test
    void offsetsAdvanceByTheRecordsReceived() {
        Paging.Walk walk = new Paging(Pagination.OFFSET, "offset", 0, "", 100, "").walk(URL);
        assertThat(walk.next()).hasToString("https://agenda.example/api/desky?kraj=CZ053&offset=0");
        assertThat(walk.advance(page(walk.next(), "[{\"iri\": \"a\"}, {\"iri\": \"b\"}, {\"iri\": \"c\"}]"), OFN))
                .isTrue();
        assertThat(walk.next()).hasToString("https://agenda.example/api/desky?kraj=CZ053&offset=3");
        assertThat(walk.advance(page(walk.next(), "[{\"iri\": \"d\"}]"), OFN)).isTrue();
        assertThat(walk.next()).hasToString("https://agenda.example/api/desky?kraj=CZ053&offset=4");
        assertThat(walk.advance(page(walk.next(), "[]"), OFN)).isFalse();
    }

    @Test
    void linkHeadersAndNextLinksMayBeRelativeToTheirPage() {
        Paging.Walk byHeader = new Paging(Pagination.LINK_HEADER, "", 1, "", 100, "").walk(URL);
        assertThat(byHeader.next()).isEqualTo(URL);
        assertThat(byHeader.advance(page(URL, "[]", "Link", "<desky?po=10>; rel=\"next\""), OFN))
                .isTrue();
        assertThat(byHeader.next()).hasToString("https://agenda.example/api/desky?po=10");
        assertThat(byHeader.advance(page(byHeader.next(), "[]", "Link", "</api/desky>; rel=\"prev\""), OFN))
                .isFalse();

        Paging.Walk byBody = new Paging(Pagination.NEXT_LINK, "", 1, "", 100, "/odkazy/dalsi").walk(URL);
        assertThat(byBody.advance(page(URL, "{\"odkazy\": {\"dalsi\": \"/api/desky?stranka=2\"}}"), OFN))
                .isTrue();
        assertThat(byBody.next()).hasToString("https://agenda.example/api/desky?stranka=2");
        assertThat(byBody.advance(page(byBody.next(), "{\"odkazy\": {\"dalsi\": null}}"), OFN))
                .isFalse();
    }

    @Test
    void withoutPaginationOneRequestIsEverything() {
        Paging.Walk walk = new Paging(Pagination.NONE, "page", 1, "limit", 100, "").walk(URL);
        assertThat(walk.next()).isEqualTo(URL);
        assertThat(walk.advance(page(URL, "[{\"iri\": \"a\"}]"), OFN)).isFalse();
    }

    private static RecordMapper ofnMapping() {
        List<ConfigProblem> problems = new ArrayList<>();
        ConnectorLoader loader = new ConnectorLoader(
                RouteTemplates.read(Path.of("routes")),
                text -> text.replace("${spojka.demo.base-url}", "http://x"),
                false);
        return new RecordMapper(
                loader.load(Path.of("connectors/uredni-deska-ofn"), problems).mapping(),
                new OfflineContextLoader(Path.of("vocab/contexts")));
    }

    private static HttpResponse<byte[]> page(URI uri, String body, String... headers) {
        Map<String, List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return new Page(uri, body.getBytes(UTF_8), HttpHeaders.of(map, (name, value) -> true));
    }

    /** A response as the JDK client returns it, holding only what paging reads. */
    private record Page(URI uri, byte[] body, HttpHeaders headers) implements HttpResponse<byte[]> {

        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri).build();
        }

        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
