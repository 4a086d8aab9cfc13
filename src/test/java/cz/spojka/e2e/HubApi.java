package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A test hub's JSON API ({@code /api/...}) over HTTP, as an operator's dashboard or script calls it. */
final class HubApi {

    /** The demo's admin key ({@code spojka.admin.api-key} in application.yaml): the role admin. */
    static final String ADMIN_KEY = "demo-admin";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    private HubApi(int port) {
        this.port = port;
    }

    static HubApi at(int port) {
        return new HubApi(port);
    }

    /** Sends a request without a body. @param apiKey sent in {@code X-Api-Key}, or {@code null} */
    HttpResponse<String> send(String method, String path, String apiKey) throws IOException, InterruptedException {
        return send(method, path, apiKey, null);
    }

    /** Sends a request with a JSON body, or none if {@code json} is null. */
    HttpResponse<String> send(String method, String path, String apiKey, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON a GET answers with 200. */
    JsonNode get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    /** The JSON a GET with the API key answers with 200. */
    JsonNode get(String path, String apiKey) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, apiKey);
        assertThat(response.statusCode())
                .as("GET %s: %s", path, response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The item of a JSON array whose {@code field} is {@code value}. */
    static JsonNode item(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.get(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " " + value + " in " + list);
    }
}
