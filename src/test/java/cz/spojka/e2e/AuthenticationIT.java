package cz.spojka.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import cz.spojka.access.AccessRegistry;
import cz.spojka.access.Caller;
import cz.spojka.access.CallerDirectory;
import cz.spojka.access.Role;
import cz.spojka.audit.AuditEntry;
import cz.spojka.audit.AuditLog;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * API keys on a real hub: agency keys and the admin key authenticate, the roles guard the APIs, and every refusal is a
 * JSON body with its reason. The registry on disk is prepared before the hub starts, a week in the past, so that one
 * key has expired by the time the hub reads it.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationIT {

    private static final Instant WEEK_AGO = Instant.now().minus(Duration.ofDays(7));

    @TempDir
    static Path dataDir;

    @Test
    void keysAuthenticateRolesGuardTheApisAndRefusalsSayWhy(CapturedOutput output) throws Exception {
        AccessRegistry before = new AccessRegistry(dataDir.resolve("access"), Clock.fixed(WEEK_AGO, ZoneOffset.UTC));
        before.addAgency("technicke-sluzby", "Technické služby", Role.READER, null);
        before.addAgency("provoz", "Provoz uzlu", Role.OPERATOR, null);
        String reader = before.issueKey("technicke-sluzby", null).secret();
        String operator = before.issueKey("provoz", null).secret();
        AccessRegistry.IssuedKey revoked = before.issueKey("provoz", null);
        before.revokeKey("provoz", revoked.key().id());
        String expired =
                before.issueKey("provoz", WEEK_AGO.plus(Duration.ofDays(1))).secret();

        TestHub testHub = TestHub.onFreePorts(dataDir, AgendaSystem.connectors("citizen-reports"));
        try (ConfigurableApplicationContext hub = testHub.start()) {
            HubApi api = HubApi.at(
                    ((ServletWebServerApplicationContext) hub).getWebServer().getPort());

            assertThat(api.send("GET", "/api/connectors", operator).statusCode())
                    .isEqualTo(200);
            assertThat(api.send("GET", "/api/connectors", HubApi.ADMIN_KEY).statusCode())
                    .isEqualTo(200);
            assertThat(api.send("GET", "/actuator/metrics", operator).statusCode())
                    .isEqualTo(200);
            assertThat(api.send("GET", "/api/subscriptions", reader).statusCode())
                    .isEqualTo(200);
            assertThat(api.send("GET", "/vocab", reader).statusCode()).isEqualTo(200);
            assertThat(api.send("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
            assertThat(api.get("/actuator/health").at("/components/changeLog"))
                    .as("anonymous: the status without the details")
                    .hasToString("{\"status\":\"UP\"}");
            assertThat(api.get("/actuator/health", reader).at("/components/changeLog/details"))
                    .isEmpty();
            assertThat(api.get("/actuator/health", operator)
                            .at("/components/changeLog/details")
                            .fieldNames())
                    .toIterable()
                    .isNotEmpty();

            assertRefused(
                    api.send("GET", "/api/connectors", null),
                    401,
                    "authentication required: /api/connectors needs the role operator; send an agency's API key in"
                            + " X-Api-Key or a bearer token in Authorization");
            assertRefused(
                    api.send("GET", "/api/tenants", null),
                    401,
                    "authentication required: /api/tenants needs the role admin; send an agency's API key in"
                            + " X-Api-Key or a bearer token in Authorization");
            assertRefused(
                    api.send("GET", "/api/connectors", reader),
                    403,
                    "the role reader may not use /api/connectors: it needs the role operator");
            assertRefused(
                    api.send("GET", "/api/agencies", operator),
                    403,
                    "the role operator may not use /api/agencies: it needs the role admin");
            assertRefused(api.send("GET", "/api/connectors", revoked.secret()), 401, "the API key has been revoked");
            assertRefused(api.send("GET", "/api/connectors", expired), 401, "the API key has expired");
            assertRefused(api.send("GET", "/vocab", "spk_guessed"), 401, "unknown API key");
            AuditLog auditLog = hub.getBean(AuditLog.class);
            String revokedKey = "key:" + revoked.key().id();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(
                                    auditLog.entries(0, entry -> revokedKey.equals(entry.credential()), 10))
                            .as("a refused key is recorded as whose it was")
                            .extracting(AuditEntry::actor, AuditEntry::role, AuditEntry::status, AuditEntry::outcome)
                            .containsExactly(tuple("provoz", "public", 401, "refused")));

            AccessRegistry registry = hub.getBean(AccessRegistry.class);
            registry.enableAgency("provoz", false);
            assertRefused(api.send("GET", "/api/connectors", operator), 401, "the agency provoz is disabled");
            assertThat(hub.getBean(CallerDirectory.class).caller("provoz")).isEmpty();
            registry.enableAgency("provoz", true);
            assertThat(api.send("GET", "/api/connectors", operator).statusCode())
                    .isEqualTo(200);
            assertThat(hub.getBean(CallerDirectory.class).caller("technicke-sluzby"))
                    .contains(new Caller("technicke-sluzby", Role.READER, List.of(), null));
        }
        assertThat(output.getAll()).doesNotContain("generated security password", reader, operator);
        assertThat(output.getAll())
                .as("the demo's credentials on a hub published at " + TestHub.BASE_IRI)
                .contains("WARN", "INSECURE CREDENTIALS: spojka.admin.api-key is the demo's key demo-admin")
                .contains("  INSECURE           spojka.admin.api-key is the demo's key demo-admin")
                .contains("  INSECURE           spojka.access.seed-file is the demo's access/demo.yaml");
    }

    @Test
    void anAdminKeyWithSurroundingWhitespaceStopsTheHub() {
        TestHub testHub =
                TestHub.onFreePorts(dataDir.resolve("whitespace"), AgendaSystem.connectors("citizen-reports"));

        assertThatThrownBy(() ->
                        testHub.start("--spojka.admin.api-key=demo-admin ").close())
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .hasMessageContaining("spojka.admin.api-key begins or ends with whitespace"));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.body()).isEqualTo("{\"status\":" + status + ",\"error\":\"" + reason + "\"}");
    }
}
