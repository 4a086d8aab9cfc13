package cz.spojka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.spojka.access.Caller;
import cz.spojka.access.Role;
import java.io.IOException;
import java.nio.file.Path;
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

        assertThatThrownBy(() -> new AuditFilter(log).doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                    throw failure;
                }))
                .isSameAs(failure)
                .satisfies(thrown ->
                        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(AuditUnavailable.class));
    }

    @Test
    void dropsEveryParameterThatMayHoldACredential() {
        assertThat(AuditFilter.withoutSecrets("/sparql", "query=ASK%7B%7D&api_key=s3cret&access_token=t&Key=k"))
                .isEqualTo("/sparql?query=ASK%7B%7D");
        assertThat(AuditFilter.withoutSecrets("/data", "key=s3cret")).isEqualTo("/data");
        assertThat(AuditFilter.withoutSecrets("/data", null)).isEqualTo("/data");
    }
}
