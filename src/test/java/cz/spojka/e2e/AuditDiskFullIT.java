package cz.spojka.e2e;

import static cz.spojka.e2e.SparqlHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A full disk under the audit log: the log lives on a small tmpfs of its own, which the test shrinks to what the log
 * holds and grows again. The requests the log must record are refused with 503 before they run (an admin change does
 * not happen), anonymous reads of public data go on, health reports the log DOWN with the reason, and once space
 * returns the log resumes by itself and records how many requests it refused. Mounting needs root; elsewhere the test
 * is skipped with that reason.
 */
class AuditDiskFullIT {

    private static final String AGENCY_KEY = "demo-agency-key";
    private static final String ASK = "/sparql?query=" + encode("ASK {}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @TempDir
    static Path connectorsDir;

    private static Tmpfs auditDisk;

    @BeforeAll
    static void mountAuditLog() throws Exception {
        auditDisk = Tmpfs.mount(dataDir.resolve("audit"), "4m", "the audit log");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (auditDisk != null) {
            auditDisk.unmount();
        }
    }

    @Test
    void auditedRequestsAreRefusedBeforeTheyRunWhileTheLogCannotBeWrittenAndTheLogResumesBySelf() throws Exception {
        try (ConfigurableApplicationContext hub =
                TestHub.onFreePorts(dataDir, connectorsDir).start()) {
            HubApi api = HubApi.at(Integer.parseInt(hub.getEnvironment().getRequiredProperty("local.server.port")));
            assertThat(api.send("GET", ASK, AGENCY_KEY).statusCode()).isEqualTo(200);

            auditDisk.fill(64 * 1024);

            HttpResponse<String> read = api.send("GET", ASK, AGENCY_KEY);
            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(read.body()).get("error").asText())
                    .startsWith("The audit log cannot be written (only ")
                    .endsWith(" bytes free on its file system, less than 1048576), so the hub refuses the requests"
                            + " it must record until it can. Public data can still be read without credentials.");
            assertThat(api.send(
                                    "POST",
                                    "/api/agencies",
                                    HubApi.ADMIN_KEY,
                                    "{\"id\":\"unrecorded\",\"name\":\"U\",\"role\":\"reader\"}")
                            .statusCode())
                    .isEqualTo(503);
            assertThat(api.get("/api/agencies", HubApi.ADMIN_KEY).findValuesAsText("id"))
                    .as("the refused change did not happen")
                    .doesNotContain("unrecorded");
            assertThat(api.send("GET", ASK, null).statusCode())
                    .as("an anonymous read is not recorded, so it goes on")
                    .isEqualTo(200);
            JsonNode down = health(api);
            assertThat(down.at("/components/auditLog/status").asText()).isEqualTo("DOWN");
            assertThat(down.at("/components/auditLog/details/error").asText()).startsWith("only ");

            auditDisk.free();
            assertThat(api.send("GET", ASK, AGENCY_KEY).statusCode()).isEqualTo(200);
            assertThat(health(api).at("/components/auditLog/status").asText()).isEqualTo("UP");

            JsonNode resume =
                    api.get("/api/audit?action=audit.resume", HubApi.ADMIN_KEY).at("/entries/0");
            assertThat(resume.get("actor").asText()).isEqualTo("hub");
            assertThat(resume.get("detail").asText())
                    .startsWith("the log could not be written from ")
                    .endsWith("; 2 requests that must be recorded were refused with 503 meanwhile");
            assertThat(api.get("/api/audit/verify", HubApi.ADMIN_KEY)
                            .get("valid")
                            .asBoolean())
                    .isTrue();
        }
    }

    private static JsonNode health(HubApi api) throws IOException, InterruptedException {
        // The details (the audit log's error) are for operators; health is no audited request, so it is answered.
        return JSON.readTree(
                api.send("GET", "/actuator/health", HubApi.ADMIN_KEY).body());
    }
}
