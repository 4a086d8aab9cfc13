package cz.spojka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.spojka.access.Caller;
import cz.spojka.access.Role;
import cz.spojka.system.SettableClock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AuditFilterTest {

    private static final Caller AGENCY = new Caller("demo-agency", Role.READER, List.of(), "key:k1");

    @Test
    void recordsAgenciesDataReadsAdminActionsAuditReadsAndEveryRefusal() {
        assertThat(AuditFilter.audited("GET", "/sparql", 200, AGENCY)).isTrue();
        assertThat(AuditFilter.audited("GET", "/data/x.csv", 200, AGENCY)).isTrue();
        assertThat(AuditFilter.audited("GET", "/sparql", 200, Caller.ANONYMOUS)).isFalse();
        assertThat(AuditFilter.audited("GET", "/dashboard", 200, AGENCY)).isFalse();
        assertThat(AuditFilter.audited("POST", "/api/grants", 201, AGENCY)).isTrue();
        assertThat(AuditFilter.audited("GET", "/api/grants", 200, AGENCY)).isFalse();
        assertThat(AuditFilter.audited("GET", "/api/audit/export", 200, AGENCY)).isTrue();
        assertThat(AuditFilter.audited("GET", "/api/deadletters", 200, AGENCY)).isTrue();
        assertThat(AuditFilter.audited("GET", "/api/deadletters/7", 200, AGENCY))
                .isTrue();
        assertThat(AuditFilter.audited("GET", "/api/connectors/c1/held/e1", 200, AGENCY))
                .isTrue();
        assertThat(AuditFilter.audited("GET", "/api/connectors/c1", 200, AGENCY))
                .isFalse();
        assertThat(AuditFilter.audited("GET", "/api/", 200, AGENCY)).isFalse();
        assertThat(AuditFilter.audited("GET", "/connectors/c1", 200, AGENCY)).isTrue();
        assertThat(AuditFilter.audited("OPTIONS", "/api/grants", 200, Caller.ANONYMOUS))
                .isFalse();
        assertThat(AuditFilter.audited("GET", "/api/connectors", 401, Caller.ANONYMOUS))
                .isTrue();
        assertThat(AuditFilter.audited("GET", "/vocab", 403, Caller.ANONYMOUS)).isTrue();
        assertThat(AuditFilter.audited("GET", "/sparql", 429, Caller.ANONYMOUS)).isTrue();
        assertThat(AuditFilter.audited("GET", "/sparql", 400, Caller.ANONYMOUS)).isFalse();
    }

    @Test
    void whatMayBeRecordedIsKnownBeforeAuthenticationByTheCredentialSent() {
        assertThat(AuditFilter.mayBeAudited("GET", "/sparql", true)).isTrue();
        assertThat(AuditFilter.mayBeAudited("GET", "/sparql", false)).isFalse();
        assertThat(AuditFilter.mayBeAudited("POST", "/api/agencies", false)).isTrue();
        assertThat(AuditFilter.mayBeAudited("GET", "/api/agencies", true)).isFalse();
        assertThat(AuditFilter.mayBeAudited("GET", "/api/audit", true)).isTrue();
        assertThat(AuditFilter.mayBeAudited("GET", "/dashboard", true)).isFalse();
    }

    @Test
    void theRequestsOwnFailureIsThrownWithTheLogsFailureSuppressed(@TempDir Path dir) throws IOException {
        AuditLog log = AuditLog.open(dir, 1 << 20, false);
        log.close();
        IllegalStateException failure = new IllegalStateException("the change failed");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/grants");

        assertThatThrownBy(() -> new AuditFilter(log, everyRefusalInFull(log))
                        .doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                            throw failure;
                        }))
                .isSameAs(failure)
                .satisfies(thrown ->
                        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(AuditUnavailable.class));
    }

    /**
     * A flood of anonymous refusals from one address is one entry in full and one counting the rest when the window
     * ends; another address, another status and a checked credential (named or unknown) are each recorded in full.
     */
    @Test
    void aFloodOfAnonymousRefusalsIsOneEntryAndACount(@TempDir Path dir) throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-27T06:00:00Z"));
        try (AuditLog log = AuditLog.open(dir, 1 << 20, false);
                RepeatedRefusals refusals = new RepeatedRefusals(log, Duration.ofMinutes(1), 100, clock)) {
            AuditFilter filter = new AuditFilter(log, refusals);
            for (int i = 0; i < 50; i++) {
                refuse(filter, "192.0.2.1", 429, null, null);
            }
            refuse(filter, "192.0.2.1", 401, null, null);
            refuse(filter, "192.0.2.2", 429, null, null);
            for (int i = 0; i < 3; i++) {
                refuse(filter, "192.0.2.1", 401, null, new Caller("demo-agency", Role.PUBLIC, List.of(), "key:k9"));
            }
            refuse(filter, "192.0.2.1", 401, "spk_unknown", null);
            refuse(filter, "192.0.2.1", 401, "spk_unknown", null);
            // Throttled for refused keys: answered 429 before the key is checked.
            refuse(filter, "192.0.2.1", 429, "spk_unknown", null);
            clock.set(Instant.parse("2026-11-27T06:00:59Z"));
            refusals.recordEnded();
            assertThat(requests(log)).hasSize(1 + 1 + 1 + 3 + 2);

            clock.set(Instant.parse("2026-11-27T06:01:00Z"));
            refusals.recordEnded();
            List<AuditEntry> counted = log.entries(0, e -> e.action().equals(RepeatedRefusals.ACTION), 10);
            assertThat(counted).singleElement().satisfies(entry -> {
                assertThat(entry.client()).isEqualTo("192.0.2.1");
                assertThat(entry.status()).isEqualTo(429);
                assertThat(entry.outcome()).isEqualTo(AuditEvent.REFUSED);
                assertThat(entry.detail()).startsWith("50 more refusals (HTTP 429) of this client");
            });
            refuse(filter, "192.0.2.1", 429, null, null);
            assertThat(requests(log)).hasSize(9);
            assertThat(log.verify().valid()).isTrue();
        }
    }

    @Test
    void theCountOfAWindowStillOpenIsRecordedAtClose(@TempDir Path dir) throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-27T06:00:00Z"));
        try (AuditLog log = AuditLog.open(dir, 1 << 20, false)) {
            RepeatedRefusals refusals = new RepeatedRefusals(log, Duration.ofMinutes(1), 1, clock);
            AuditFilter filter = new AuditFilter(log, refusals);
            refuse(filter, "192.0.2.1", 403, null, null);
            refuse(filter, "192.0.2.1", 403, null, null);
            // Beyond maxClients the oldest window is closed early, with what it has counted.
            refuse(filter, "192.0.2.2", 403, null, null);
            refuse(filter, "192.0.2.2", 403, null, null);
            refuse(filter, "192.0.2.2", 403, null, null);
            refusals.close();

            List<AuditEntry> counted = log.entries(0, e -> e.action().equals(RepeatedRefusals.ACTION), 10);
            assertThat(counted).extracting(AuditEntry::client).containsExactly("192.0.2.1", "192.0.2.2");
            assertThat(counted)
                    .extracting(AuditEntry::detail)
                    .satisfiesExactly(
                            detail -> assertThat(detail).startsWith("1 more refusal (HTTP 403) of this client"),
                            detail -> assertThat(detail).startsWith("2 more refusals (HTTP 403) of this client"));
        }
    }

    private static void refuse(AuditFilter filter, String client, int status, String apiKey, Caller refusedCredential)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/data/zaplnenost-nadob.csv");
        request.setRemoteAddr(client);
        if (apiKey != null) {
            request.addHeader("X-Api-Key", apiKey);
        }
        if (refusedCredential != null) {
            request.setAttribute(Caller.REFUSED_CREDENTIAL_ATTRIBUTE, refusedCredential);
        }
        filter.doFilter(
                request, new MockHttpServletResponse(), (req, res) -> ((HttpServletResponse) res).setStatus(status));
    }

    /** The entries of requests: not the log's own, nor the counts. */
    private static List<AuditEntry> requests(AuditLog log) {
        return log.entries(0, e -> e.method() != null, 1000);
    }

    private static RepeatedRefusals everyRefusalInFull(AuditLog log) {
        return new RepeatedRefusals(log, Duration.ZERO, 1, Clock.systemUTC());
    }

    @Test
    void dropsEveryParameterThatMayHoldACredential() {
        assertThat(AuditFilter.withoutSecrets("/sparql", "query=ASK%7B%7D&api_key=s3cret&access_token=t&Key=k"))
                .isEqualTo("/sparql?query=ASK%7B%7D");
        assertThat(AuditFilter.withoutSecrets("/data", "key=s3cret")).isEqualTo("/data");
        assertThat(AuditFilter.withoutSecrets("/data", null)).isEqualTo("/data");
    }
}
