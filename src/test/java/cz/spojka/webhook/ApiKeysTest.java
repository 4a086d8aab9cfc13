package cz.spojka.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void onlyTheSameKeyMatches() {
        assertThat(ApiKeys.same("demo-key", "demo-key")).isTrue();
        assertThat(ApiKeys.same("demo-key", "demo-kez")).isFalse();
        assertThat(ApiKeys.same("demo-key", "demo")).as("a prefix").isFalse();
        assertThat(ApiKeys.same("demo-key", "demo-key ")).as("a longer key").isFalse();
        assertThat(ApiKeys.same("demo-key", "DEMO-KEY")).as("case matters").isFalse();
        assertThat(ApiKeys.same("demo-key", "")).isFalse();
        assertThat(ApiKeys.same("klíč-ěščř", "klíč-ěščř")).as("any characters").isTrue();
    }
}
