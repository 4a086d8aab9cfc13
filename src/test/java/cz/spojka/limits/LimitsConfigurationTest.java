package cz.spojka.limits;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties.ForwardHeadersStrategy;

class LimitsConfigurationTest {

    @Test
    void springsOwnForwardedHeadersAreRefusedSayingWhatToUse() {
        assertThatThrownBy(() -> LimitsConfiguration.checkForwardHeaders(ForwardHeadersStrategy.FRAMEWORK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("server.forward-headers-strategy=framework is not accepted: it trusts any"
                        + " client's X-Forwarded-For")
                .hasMessageContaining("Use server.forward-headers-strategy=native behind a trusted reverse proxy");
        assertThatCode(() -> LimitsConfiguration.checkForwardHeaders(ForwardHeadersStrategy.NATIVE))
                .doesNotThrowAnyException();
        assertThatCode(() -> LimitsConfiguration.checkForwardHeaders(null)).doesNotThrowAnyException();
    }
}
