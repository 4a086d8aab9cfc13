package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The admin API on a real hub, over HTTP: the administrator creates a tenant, an agency, its keys and a grant; the key
 * authenticates at once; a revoked and an expired key are refused; the roles guard the APIs; everything survives a
 * restart. The demo's seeded agency is there from the first start, and a grant is accepted on its restricted dataset
 * only.
 */
class AccessAdminIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = HubApi.ADMIN_KEY;

    @TempDir
    static Path dataDir;

    @Test
    void theAdministratorManagesAgenciesKeysAndGrantsWhichApplyAtOnceAndSurviveARestart() throws Exception {
        TestHub testHub = TestHub.onFreePorts(
                dataDir, AgendaSystem.connectors("citizen-reports", "golemio-kontejnery", "golemio-parkoviste"));
        String key;
        String revokedKey;
        String grantId;
        try (ConfigurableApplicationContext hub = testHub.start()) {
            HubApi api = api(hub);
            assertThat(body(api.send("GET", "/api/agencies", null), 401)
                            .get("error")
                            .asText())
                    .isEqualTo("authentication required: /api/agencies needs the role admin; send an agency's API"
                            + " key in X-Api-Key or a bearer token in Authorization");
            assertThat(body(api.send("GET", "/api/grants", "demo-agency-key"), 403)
                            .get("error")
                            .asText())
                    .isEqualTo("the role reader may not use /api/grants: it needs the role admin");

            JsonNode demo = body(api.send("GET", "/api/agencies/demo-agency", ADMIN), 200);
            assertThat(demo.get("name").asText()).isEqualTo("Technické služby (demo)");
            assertThat(demo.get("role").asText()).isEqualTo("reader");
            JsonNode demoGrants = body(api.send("GET", "/api/grants?agency=demo-agency", ADMIN), 200);
            assertThat(demoGrants).hasSize(1);
            assertThat(demoGrants.get(0).get("dataset").asText()).isEqualTo("zaplnenost-nadob");
            assertThat(demoGrants.get(0).get("municipality").isNull()).isTrue();
            assertThat(api.send("GET", "/api/subscriptions", "demo-agency-key").statusCode())
                    .isEqualTo(200);

            JsonNode tenant = body(
                    api.send(
                            "POST",
                            "/api/tenants",
                            ADMIN,
                            "{\"ico\":\"00270211\",\"ruian\":\"571164\"," + "\"name\":\"Chrudim\"}"),
                    201);
            assertThat(tenant.get("enabled").asBoolean()).isTrue();
            assertThat(body(
                                    api.send(
                                            "POST",
                                            "/api/tenants",
                                            ADMIN,
                                            "{\"ico\":\"00270212\",\"ruian\":\"571164\"," + "\"name\":\"Chrudim\"}"),
                                    400)
                            .toString())
                    .isEqualTo("{\"status\":400,\"error\":\"ico: must be an IČO of 8 digits with a valid check digit,"
                            + " not 00270212\",\"field\":\"ico\"}");
            body(
                    api.send(
                            "POST",
                            "/api/agencies",
                            ADMIN,
                            "{\"id\":\"hasici-chrudim\",\"name\":\"HZS, ÚO Chrudim\","
                                    + "\"role\":\"reader\",\"tenant\":\"00270211\"}"),
                    201);
            assertThat(body(
                                    api.send(
                                            "POST",
                                            "/api/agencies",
                                            ADMIN,
                                            "{\"id\":\"x\",\"name\":\"X\",\"role\":\"boss\"}"),
                                    400)
                            .get("error")
                            .asText())
                    .isEqualTo("role: must be one of reader, operator, admin, not boss");

            JsonNode issued = body(api.send("POST", "/api/agencies/hasici-chrudim/keys", ADMIN, "{}"), 201);
            key = issued.get("key").asText();
            assertThat(key).startsWith("spk_");
            assertThat(api.send("GET", "/api/subscriptions", key).statusCode()).isEqualTo(200);
            JsonNode second = body(api.send("POST", "/api/agencies/hasici-chrudim/keys", ADMIN, null), 201);
            revokedKey = second.get("key").asText();
            body(
                    api.send(
                            "DELETE",
                            "/api/agencies/hasici-chrudim/keys/"
                                    + second.get("id").asText(),
                            ADMIN),
                    200);
            assertThat(body(api.send("GET", "/api/subscriptions", revokedKey), 401)
                            .get("error")
                            .asText())
                    .isEqualTo("the API key has been revoked");

            String soon = Instant.now()
                    .plusSeconds(2)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .plusSeconds(1)
                    .toString();
            String expiring = body(
                            api.send(
                                    "POST",
                                    "/api/agencies/hasici-chrudim/keys",
                                    ADMIN,
                                    "{\"expiresAt\":\"" + soon + "\"}"),
                            201)
                    .get("key")
                    .asText();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.send("GET", "/api/subscriptions", expiring).statusCode() == 401);
            assertThat(body(api.send("GET", "/api/subscriptions", expiring), 401)
                            .get("error")
                            .asText())
                    .isEqualTo("the API key has expired");
            JsonNode keys = body(api.send("GET", "/api/agencies/hasici-chrudim/keys", ADMIN), 200);
            assertThat(keys.findValuesAsText("status")).containsExactlyInAnyOrder("active", "revoked", "expired");
            assertThat(keys.toString()).doesNotContain(key, revokedKey, "hash");

            assertThat(grantRefusal(api, "podnety"))
                    .isEqualTo("dataset: podnety is public: everyone reads it, so a grant would change nothing");
            assertThat(grantRefusal(api, "obsazenost-parkovist"))
                    .startsWith("dataset: obsazenost-parkovist is internal: only operators read it");
            assertThat(grantRefusal(api, "nic"))
                    .isEqualTo("dataset: no loaded connector declares the dataset nic; declared: [obsazenost-parkovist,"
                            + " podnety, zaplnenost-nadob]");
            String chrudimGrant =
                    "{\"agency\":\"hasici-chrudim\",\"dataset\":\"zaplnenost-nadob\",\"municipality\":\"00064581\"}";
            JsonNode grant = body(api.send("POST", "/api/grants", ADMIN, chrudimGrant), 201);
            grantId = grant.get("id").asText();
            assertThat(body(api.send("POST", "/api/grants", ADMIN, chrudimGrant), 409)
                            .get("error")
                            .asText())
                    .isEqualTo("The agency hasici-chrudim has that grant already: " + grantId);
            JsonNode temporary = body(
                    api.send(
                            "POST",
                            "/api/grants",
                            ADMIN,
                            "{\"agency\":\"hasici-chrudim\","
                                    + "\"dataset\":\"zaplnenost-nadob\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}"),
                    201);
            body(api.send("DELETE", "/api/grants/" + temporary.get("id").asText(), ADMIN), 200);
            assertThat(body(api.send("GET", "/api/grants?dataset=zaplnenost-nadob", ADMIN), 200)
                            .findValuesAsText("agency"))
                    .containsExactlyInAnyOrder("demo-agency", "hasici-chrudim");

            body(api.send("POST", "/api/tenants/00270211/disable", ADMIN), 200);
            assertThat(body(api.send("GET", "/api/subscriptions", key), 401)
                            .get("error")
                            .asText())
                    .isEqualTo("the agency hasici-chrudim belongs to the municipality 00270211, which is disabled");
            body(api.send("POST", "/api/tenants/00270211/enable", ADMIN), 200);
            assertThat(api.send("GET", "/api/subscriptions", key).statusCode()).isEqualTo(200);
        }
        assertThat(everythingIn(dataDir.resolve("access")))
                .doesNotContain(key, revokedKey, "demo-agency-key")
                .contains("hasici-chrudim");

        try (ConfigurableApplicationContext hub = testHub.start()) {
            HubApi api = api(hub);
            assertThat(api.send("GET", "/api/subscriptions", key).statusCode()).isEqualTo(200);
            assertThat(body(api.send("GET", "/api/subscriptions", revokedKey), 401)
                            .get("error")
                            .asText())
                    .isEqualTo("the API key has been revoked");
            assertThat(body(api.send("GET", "/api/grants?agency=hasici-chrudim", ADMIN), 200)
                            .findValuesAsText("id"))
                    .containsExactly(grantId);
            assertThat(body(api.send("GET", "/api/agencies", ADMIN), 200).findValuesAsText("id"))
                    .containsExactly("demo-agency", "hasici-chrudim");
        }
    }

    private static String grantRefusal(HubApi api, String dataset) throws Exception {
        return body(
                        api.send(
                                "POST",
                                "/api/grants",
                                ADMIN,
                                "{\"agency\":\"hasici-chrudim\",\"dataset\":\"" + dataset + "\"}"),
                        400)
                .get("error")
                .asText();
    }

    private static JsonNode body(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static HubApi api(ConfigurableApplicationContext hub) {
        return HubApi.at(
                ((ServletWebServerApplicationContext) hub).getWebServer().getPort());
    }

    private static String everythingIn(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }
}
