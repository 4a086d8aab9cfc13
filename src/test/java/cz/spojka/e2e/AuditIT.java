package cz.spojka.e2e;

import static cz.spojka.e2e.SparqlHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import cz.spojka.audit.AuditEntry;
import cz.spojka.audit.AuditLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The audit log of a real hub (without connectors) over three starts: the entries a mix of requests leaves, the
 * chain verified and going on across a restart, and what the hub makes of a log edited and cut short while it was
 * stopped.
 */
class AuditIT {

    private static final String ADMIN_KEY = "demo-admin";
    /** The demo agency's key ({@code access/demo.yaml}), role reader. */
    private static final String AGENCY_KEY = "demo-agency-key";

    @TempDir
    static Path dataDir;

    @TempDir
    static Path connectorsDir;

    @Test
    void theChainHoldsTheRequestsGoesOnAcrossARestartAndNamesTheEntryEditedOnDisk() throws Exception {
        TestHub testHub = TestHub.onFreePorts(dataDir, connectorsDir);
        try (ConfigurableApplicationContext hub = testHub.start()) {
            HubApi api = HubApi.at(port(hub));
            assertThat(api.send("POST", "/api/subscriptions?key=" + ADMIN_KEY, null)
                            .statusCode())
                    .isEqualTo(401);
            assertThat(api.send("POST", "/api/subscriptions", "wrong-key").statusCode())
                    .isEqualTo(401);
            assertThat(api.send("DELETE", "/api/subscriptions/no-such", ADMIN_KEY)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(api.send("GET", "/sparql?update=" + encode("CLEAR ALL"), null)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(api.send("GET", "/sparql?query=" + encode("ASK {}"), null)
                            .statusCode())
                    .as("an anonymous read of public data is not audited")
                    .isEqualTo(200);
            assertThat(api.send("GET", "/sparql?query=" + encode("ASK {}"), AGENCY_KEY)
                            .statusCode())
                    .isEqualTo(200);
            // Fuseki closes its answer before the filter records it: the client may be faster than the log.
            AuditLog auditLog = hub.getBean(AuditLog.class);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> auditLog.entries(0, entry -> true, 10).size() == 6);

            List<JsonNode> entries = entries(api.get("/api/audit", ADMIN_KEY));

            assertThat(entries)
                    .extracting(e -> e.get("seq").asLong() + " "
                            + e.get("action").asText() + " " + e.get("status").asInt() + " "
                            + e.get("outcome").asText())
                    .containsExactly(
                            "1 audit.open 0 opened",
                            "2 subscription.create 401 refused",
                            "3 subscription.create 401 refused",
                            "4 subscription.delete 404 error",
                            "5 sparql.query 403 refused",
                            "6 sparql.query 200 allowed");
            assertThat(entries.get(0).get("prev").asText()).isEqualTo("0".repeat(64));
            assertThat(entries.get(0).get("detail").asText())
                    .isEqualTo("the hub started; the log on disk ended at entry 0 with the hash " + "0".repeat(64));
            JsonNode refused = entries.get(1);
            assertThat(refused.get("actor").asText()).isEqualTo("anonymous");
            assertThat(refused.get("role").asText()).isEqualTo("public");
            assertThat(refused.get("client").asText()).isEqualTo("127.0.0.1");
            assertThat(refused.get("method").asText()).isEqualTo("POST");
            assertThat(refused.get("path").asText()).isEqualTo("/api/subscriptions");
            JsonNode adminAction = entries.get(3);
            assertThat(adminAction.get("target").asText()).isEqualTo("subscriptions/no-such");
            assertThat(adminAction.get("actor").asText()).isEqualTo("admin-key");
            assertThat(adminAction.get("credential").asText()).isEqualTo("admin-key");
            assertThat(adminAction.get("role").asText()).isEqualTo("admin");
            JsonNode agencyRead = entries.get(5);
            assertThat(agencyRead.get("actor").asText()).isEqualTo("demo-agency");
            assertThat(agencyRead.get("credential").asText()).startsWith("key:");
            assertThat(agencyRead.get("role").asText()).isEqualTo("reader");
            assertThat(agencyRead.get("queryHash").asText()).isEqualTo(AuditEntry.sha256("ASK {}"));

            JsonNode verified = api.get("/api/audit/verify", ADMIN_KEY);
            assertThat(verified.get("valid").asBoolean()).isTrue();
            assertThat(verified.get("entries").asLong())
                    .as("the start, 5 requests and the GET of the log")
                    .isEqualTo(7);
        }
        assertThat(auditFiles())
                .allSatisfy(file -> assertThat(Files.readString(file))
                        .doesNotContain(ADMIN_KEY)
                        .doesNotContain(AGENCY_KEY)
                        .doesNotContain("wrong-key"));

        String lastHashBeforeRestart;
        try (ConfigurableApplicationContext hub = testHub.start()) {
            HubApi api = HubApi.at(port(hub));
            JsonNode verified = api.get("/api/audit/verify", ADMIN_KEY);
            assertThat(verified.get("valid").asBoolean()).isTrue();
            assertThat(verified.get("entries").asLong())
                    .as("and the verify, and this start")
                    .isEqualTo(9);
            lastHashBeforeRestart = verified.at("/last/hash").asText();

            JsonNode next = entries(api.get("/api/audit?after=9", ADMIN_KEY)).get(0);
            assertThat(next.get("seq").asLong()).isEqualTo(10);
            assertThat(next.get("action").asText()).isEqualTo("audit.verify");
            assertThat(next.get("prev").asText()).isEqualTo(lastHashBeforeRestart);
        }

        Path file = auditFiles().get(0);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(1, lines.get(1).replace("\"outcome\":\"refused\"", "\"outcome\":\"allowed\""));
        Files.write(file, lines, StandardCharsets.UTF_8);
        Files.writeString(file, "{\"seq\":10,\"t", StandardOpenOption.APPEND);

        try (ConfigurableApplicationContext hub = testHub.start()) {
            HubApi api = HubApi.at(port(hub));
            JsonNode verified = api.get("/api/audit/verify", ADMIN_KEY);
            assertThat(verified.get("valid").asBoolean()).isFalse();
            assertThat(verified.at("/firstInvalid/seq").asLong()).isEqualTo(2);
            assertThat(verified.at("/firstInvalid/reason").asText())
                    .isEqualTo("its hash does not match its fields (line 2 of audit-000000000001.jsonl): the entry"
                            + " was changed");

            JsonNode repair = entries(api.get("/api/audit?action=audit.repair", ADMIN_KEY))
                    .get(0);
            assertThat(repair.get("seq").asLong()).isEqualTo(12);
            assertThat(repair.get("actor").asText()).isEqualTo("hub");
            assertThat(repair.get("outcome").asText()).isEqualTo("repaired");
            assertThat(repair.get("detail").asText())
                    .isEqualTo("cut off 12 bytes of an entry the hub did not finish writing when it stopped");
        }
    }

    private static int port(ConfigurableApplicationContext hub) {
        return Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
    }

    private static List<JsonNode> entries(JsonNode page) {
        List<JsonNode> entries = new ArrayList<>();
        page.get("entries").forEach(entries::add);
        return entries;
    }

    private static List<Path> auditFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("audit"))) {
            return files.sorted().toList();
        }
    }
}
