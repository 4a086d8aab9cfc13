package cz.spojka.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code auth: oauth2-client-credentials}: a bearer token from the token endpoint (RFC 6749, section 4.4), the client
 * authenticated with HTTP Basic (section 2.3.1, which every server must support). The token is kept until shortly
 * before it expires, so that consecutive polls share it, and fetched again when the source refuses it.
 */
final class OAuth2ClientCredentials implements Authentication {

    /** A token is renewed this long before it expires, so that it does not expire while a poll walks its pages. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenUrl;
    private final String clientAuthorization;
    private final String scope;
    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    private String token;
    private Instant renewAt;

    OAuth2ClientCredentials(
            URI tokenUrl,
            String clientId,
            String clientSecret,
            String scope,
            HttpClient client,
            Duration timeout,
            Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientAuthorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
        this.scope = scope;
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public synchronized void sign(HttpRequest.Builder request) {
        if (token == null || (renewAt != null && !clock.instant().isBefore(renewAt))) {
            fetchToken();
        }
        request.header("Authorization", "Bearer " + token);
    }

    @Override
    public synchronized boolean renew() {
        token = null;
        return true;
    }

    private void fetchToken() {
        String body = "grant_type=client_credentials" + (scope.isEmpty() ? "" : "&scope=" + form(scope));
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Authorization", clientAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Instant requested = clock.instant();
        HttpResponse<byte[]> response = HttpSource.send(client, request);
        if (response.statusCode() != 200) {
            throw new HttpPollException("The token endpoint " + tokenUrl + " answered HTTP " + response.statusCode()
                    + HttpPollException.excerpt(response.body()));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new HttpPollException("The token endpoint " + tokenUrl + " answered no JSON: " + e.getMessage());
        }
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new HttpPollException("The token endpoint " + tokenUrl + " answered no access_token"
                    + HttpPollException.excerpt(response.body()));
        }
        token = accessToken;
        long expiresIn = answer.path("expires_in").asLong(0);
        // Without expires_in the token is kept until the source refuses it.
        renewAt = expiresIn > 0 ? requested.plusSeconds(expiresIn).minus(MARGIN) : null;
    }

    /** Client id and secret are form-encoded before Basic encoding (RFC 6749, section 2.3.1). */
    private static String form(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
