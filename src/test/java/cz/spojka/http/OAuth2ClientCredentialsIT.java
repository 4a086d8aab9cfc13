package cz.spojka.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth2 client-credentials token against WireMock as the token endpoint, with a clock the test moves. */
class OAuth2ClientCredentialsIT {

    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final MovingClock clock = new MovingClock();
    private OAuth2ClientCredentials oauth2;

    @BeforeEach
    void start() {
        server.start();
        oauth2 = new OAuth2ClientCredentials(
                URI.create(server.baseUrl() + "/token"),
                "spojka hub",
                "s3cret/+",
                "",
                HttpClient.newHttpClient(),
                Duration.ofSeconds(10),
                clock);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void keepsTheTokenUntilThirtySecondsBeforeItExpires() {
        server.stubFor(post(urlEqualTo("/token"))
                .withHeader("Authorization", equalTo("Basic c3BvamthK2h1YjpzM2NyZXQlMkYlMkI="))
                .withRequestBody(equalTo("grant_type=client_credentials"))
                .willReturn(token("{\"access_token\": \"t-1\", \"token_type\": \"Bearer\", \"expires_in\": 120}")));
        assertThat(signed()).isEqualTo("Bearer t-1");
        clock.move(Duration.ofSeconds(89));
        assertThat(signed()).isEqualTo("Bearer t-1");
        server.verify(exactly(1), postRequestedFor(urlEqualTo("/token")));

        clock.move(Duration.ofSeconds(1));
        signed();
        server.verify(exactly(2), postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void aTokenWithoutExpiryIsKeptUntilTheSourceRefusesIt() {
        server.stubFor(post(urlEqualTo("/token")).willReturn(token("{\"access_token\": \"t-1\"}")));
        signed();
        clock.move(Duration.ofDays(1));
        signed();
        server.verify(exactly(1), postRequestedFor(urlEqualTo("/token")));

        assertThat(oauth2.renew()).isTrue();
        signed();
        server.verify(exactly(2), postRequestedFor(urlEqualTo("/token")));
    }

    @Test
    void aRefusalOfTheTokenEndpointFailsThePollWithItsAnswer() {
        server.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\": \"invalid_client\"}")));
        assertThatThrownBy(this::signed)
                .isInstanceOf(HttpPollException.class)
                .hasMessage("The token endpoint " + server.baseUrl()
                        + "/token answered HTTP 401: {\"error\": \"invalid_client\"}");
    }

    private String signed() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://agenda.example/desky"));
        oauth2.sign(request);
        return request.build().headers().firstValue("Authorization").orElseThrow();
    }

    private static ResponseDefinitionBuilder token(String json) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(json);
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovingClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void move(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
