package cz.spojka.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class LinkedDataFirewallTest {

    private final LinkedDataFirewall firewall = new LinkedDataFirewall();

    /** A request as Tomcat hands it on with encoded slashes passed through: the servlet path keeps {@code %2F}. */
    private static MockHttpServletRequest get(String rawPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", rawPath);
        request.setServletPath(rawPath);
        return request;
    }

    @Test
    void anIdWithAnEncodedSlashReachesItsPage() {
        assertThatCode(() -> firewall.getFirewalledRequest(get("/zdroj/usneseni/00270211/usneseni/12%2F2024")))
                .doesNotThrowAnyException();
        assertThatCode(() -> firewall.getFirewalledRequest(get("/graph/uredni-deska/00270211")))
                .doesNotThrowAnyException();
    }

    @Test
    void everyOtherPathKeepsTheStrictFirewall() {
        assertThatThrownBy(() -> firewall.getFirewalledRequest(get("/api%2Fconnectors")))
                .isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> firewall.getFirewalledRequest(get("/api/grants/a%2Fb")))
                .isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> firewall.getFirewalledRequest(get("/zdroj/../api/grants")))
                .isInstanceOf(RequestRejectedException.class);
    }
}
