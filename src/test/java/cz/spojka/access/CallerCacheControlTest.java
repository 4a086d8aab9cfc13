package cz.spojka.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CallerCacheControlTest {

    private static final Caller AGENCY = new Caller("demo-agency", Role.READER, List.of(), "key:k1");

    @Test
    void anAgencysAnswerIsPrivateEvenWhenItsChannelMadeItCacheable() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/data/zaplnenost-nadob.csv");
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, AGENCY);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Cache-Control", "public, max-age=300");

        new CallerCacheControl().writeHeaders(request, response);

        assertThat(response.getHeaders("Cache-Control")).containsExactly("private, no-store");
        assertThat(response.getHeaders("Vary")).containsExactly("X-Api-Key, Authorization");
    }

    @Test
    void anAnonymousAnswerKeepsItsCacheControlAndVariesWithTheCredentials() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/data/uredni-deska.csv");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Cache-Control", "public, max-age=300");
        response.addHeader("Vary", "Accept");

        new CallerCacheControl().writeHeaders(request, response);

        assertThat(response.getHeaders("Cache-Control")).containsExactly("public, max-age=300");
        assertThat(response.getHeaders("Vary")).containsExactly("Accept", "X-Api-Key, Authorization");
    }
}
