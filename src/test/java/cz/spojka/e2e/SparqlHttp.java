package cz.spojka.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw HTTP requests to a test hub's {@code /sparql}, for the protocol's own details (methods, headers, statuses). */
final class SparqlHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String endpoint;

    SparqlHttp(String endpoint) {
        this.endpoint = endpoint;
    }

    /** A request to the endpoint with {@code queryString} ({@code ""} or starting with {@code ?}). */
    HttpRequest.Builder request(String queryString) {
        return HttpRequest.newBuilder(URI.create(endpoint + queryString));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String queryString, String accept) {
        return send(request(queryString).header("Accept", accept).GET());
    }

    /** A POST of {@code body} with {@code contentType}, or with no Content-Type when it is {@code null}. */
    HttpResponse<String> post(String queryString, String contentType, String body) {
        HttpRequest.Builder request = request(queryString).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
