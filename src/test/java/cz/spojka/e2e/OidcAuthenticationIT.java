package cz.spojka.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import cz.spojka.access.AccessRegistry;
import cz.spojka.access.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * Bearer tokens of an OpenID Connect identity provider, which WireMock plays: it serves the issuer's discovery document
 * and its signing key, and the test signs real JWTs with that key (and with another one). A valid token of a known
 * agency authenticates it with its role; an expired token, one of another issuer or audience or with a wrong signature
 * is 401; a valid token of an agency the hub does not know is 403. Every refusal says why. An issuer without an
 * audience stops the hub at start-up.
 */
class OidcAuthenticationIT {

    private static final WireMockServer PROVIDER =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "spojka";

    @TempDir
    static Path dataDir;

    private static RSAKey signingKey;
    private static String issuer;

    @BeforeAll
    static void startProvider() throws JOSEException {
        PROVIDER.start();
        issuer = PROVIDER.baseUrl() + "/realms/obec";
        signingKey = new RSAKeyGenerator(2048).keyID("obec-1").generate();
        PROVIDER.stubFor(get(urlEqualTo("/realms/obec/.well-known/openid-configuration"))
                .willReturn(okJson("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"code\"]}")));
        PROVIDER.stubFor(get(urlEqualTo("/realms/obec/certs"))
                .willReturn(okJson(new JWKSet(signingKey.toPublicJWK()).toString())));
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Test
    void tokensOfKnownAgenciesAuthenticateAndEveryOtherIsRefusedWithItsReason() throws Exception {
        AccessRegistry registry = new AccessRegistry(dataDir.resolve("access"), Clock.systemUTC());
        registry.addAgency("hasici", "Hasičský záchranný sbor", Role.READER, null);
        registry.addAgency("provoz", "Provoz uzlu", Role.OPERATOR, null);
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID("obec-1").generate();
        Instant now = Instant.now();

        TestHub testHub = TestHub.onFreePorts(dataDir, AgendaSystem.connectors("citizen-reports"));
        try (ConfigurableApplicationContext hub = testHub.start(
                "--spojka.security.oidc.issuer-uri=" + issuer, "--spojka.security.oidc.audience=" + AUDIENCE)) {
            int port = ((ServletWebServerApplicationContext) hub).getWebServer().getPort();

            assertThat(call(port, "/api/subscriptions", token(signingKey, issuer, "hasici", now)))
                    .isEqualTo("200");
            assertThat(call(port, "/api/connectors", token(signingKey, issuer, "provoz", now)))
                    .isEqualTo("200");
            assertThat(call(port, "/api/connectors", token(signingKey, issuer, "hasici", now)))
                    .isEqualTo("403 the role reader may not use /api/connectors: it needs the role operator");
            assertThat(call(port, "/api/subscriptions", token(signingKey, issuer, "cizi", now)))
                    .isEqualTo("403 the token names the agency 'cizi', which the hub does not know");
            assertThat(call(port, "/vocab", token(signingKey, issuer, null, now)))
                    .isEqualTo("403 the token has no claim 'azp' naming an agency");

            assertThat(call(port, "/api/subscriptions", token(signingKey, issuer, "hasici", now.minusSeconds(3600))))
                    .startsWith("401 An error occurred while attempting to decode the Jwt: Jwt expired at");
            assertThat(call(port, "/api/subscriptions", token(signingKey, "https://jinde.example/", "hasici", now)))
                    .startsWith("401 An error occurred while attempting to decode the Jwt: The iss claim is not valid");
            assertThat(call(port, "/api/subscriptions", token(signingKey, issuer, "hasici", now, "jina-aplikace")))
                    .startsWith("401 An error occurred while attempting to decode the Jwt: The aud claim is not valid");
            assertThat(call(port, "/api/subscriptions", token(otherKey, issuer, "hasici", now)))
                    .startsWith("401 An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid"
                            + " signature");
            assertThat(call(port, "/api/subscriptions", "not-a-jwt")).startsWith("401 ");

            registry = hub.getBean(AccessRegistry.class);
            registry.enableAgency("hasici", false);
            assertThat(call(port, "/api/subscriptions", token(signingKey, issuer, "hasici", now)))
                    .isEqualTo("403 the agency hasici is disabled");
        }
    }

    @Test
    void anIssuerWithoutAnAudienceStopsTheHubNamingTheProperty() {
        TestHub testHub =
                TestHub.onFreePorts(dataDir.resolve("no-audience"), AgendaSystem.connectors("citizen-reports"));

        assertThatThrownBy(() -> testHub.start("--spojka.security.oidc.issuer-uri=" + issuer)
                        .close())
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .hasMessageContaining("spojka.security.oidc.audience is required when"
                                + " spojka.security.oidc.issuer-uri is set"));
    }

    /** A token for the hub's audience. */
    private static String token(RSAKey key, String tokenIssuer, String agency, Instant issuedAt) throws JOSEException {
        return token(key, tokenIssuer, agency, issuedAt, AUDIENCE);
    }

    /** A token issued at {@code issuedAt}, valid for ten minutes, for the agency named in {@code azp} (null: none). */
    private static String token(RSAKey key, String tokenIssuer, String agency, Instant issuedAt, String audience)
            throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(tokenIssuer)
                .audience(audience)
                .subject("service-account-" + agency)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(10))));
        if (agency != null) {
            claims.claim("azp", agency);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The status and, for a refusal, the reason. */
    private static String call(int port, String path, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            return "200";
        }
        return response.statusCode() + " "
                + JSON.readTree(response.body()).get("error").asText();
    }
}
