package cz.spojka.limits;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.system.SpojkaProperties;
import org.junit.jupiter.api.Test;

class ClientRateLimitsTest {

    @Test
    void anIpv6ClientCountsByItsSlash64AndAnIpv4ClientByItsAddress() {
        assertThat(ClientRateLimits.key("2001:db8:1:2:aaaa::1")).isEqualTo("20010db800010002::/64");
        assertThat(ClientRateLimits.key("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientRateLimits.key("[2001:db8:1:3::1]")).isEqualTo("20010db800010003::/64");
        assertThat(ClientRateLimits.key("fe80::1%eth0")).isEqualTo("fe80000000000000::/64");
        assertThat(ClientRateLimits.key("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void twoAddressesOfOneSlash64ShareTheirRate() {
        ClientRateLimits limits = new ClientRateLimits(new SpojkaProperties.Rate(1, 1, 100));

        assertThat(limits.take("2001:db8:1:2::1")).isEmpty();
        assertThat(limits.take("2001:db8:1:2::2")).isPresent();
        assertThat(limits.take("2001:db8:1:3::1")).isEmpty();
        assertThat(limits.take("203.0.113.7")).isEmpty();
        assertThat(limits.take("203.0.113.8")).isEmpty();
    }

    @Test
    void anExhaustedRateIsReadWithoutTakingAny() {
        ClientRateLimits limits = new ClientRateLimits(new SpojkaProperties.Rate(2, 2, 100));

        assertThat(limits.exhausted("2001:db8:1:2::1")).isEmpty();
        assertThat(limits.take("2001:db8:1:2::1")).isEmpty();
        assertThat(limits.exhausted("2001:db8:1:2::1")).as("one request left").isEmpty();
        assertThat(limits.take("2001:db8:1:2::2")).isEmpty();

        assertThat(limits.exhausted("2001:db8:1:2::3"))
                .as("the /64's rate is taken")
                .hasValueSatisfying(wait -> assertThat(wait).isPositive());
        assertThat(limits.exhausted("2001:db8:1:3::1")).isEmpty();
    }
}
