package cz.spojka.system;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.access.Role;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The per-role limits as Spring binds them, and the deprecated endpoint-wide keys that now set the public role's. */
class LimitsPropertiesTest {

    @Test
    void eachRoleHasItsOwnBudgetPublicTheTightest() {
        SpojkaProperties properties = bind(Map.of("spojka.limits.reader.timeout", "5m"));

        assertThat(budget(properties, Role.PUBLIC)).isEqualTo("4 PT30S 100000");
        assertThat(budget(properties, Role.READER)).isEqualTo("8 PT5M 250000");
        assertThat(budget(properties, Role.OPERATOR)).isEqualTo("8 PT10M 1000000");
        assertThat(budget(properties, Role.ADMIN)).isEqualTo("8 PT10M 1000000");
        assertThat(properties.limits().publicRole().rate()).isEqualTo(new SpojkaProperties.Rate(300, 60, 100_000));
        assertThat(properties.endpoint().deprecatedKeysInUse()).isEmpty();
    }

    @Test
    void theDeprecatedEndpointKeysStillSetThePublicBudgetAndSaySo() {
        SpojkaProperties properties = bind(Map.of(
                "spojka.endpoint.query-timeout", "45s",
                "spojka.endpoint.result-row-limit", "500",
                "spojka.limits.public.concurrent-queries", "2"));

        assertThat(properties.limits().of(Role.PUBLIC).timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(budget(properties, Role.PUBLIC)).isEqualTo("2 PT45S 500");
        assertThat(budget(properties, Role.READER)).isEqualTo("8 PT2M 250000");
        assertThat(properties.endpoint().deprecatedKeysInUse())
                .containsExactly(
                        "spojka.endpoint.query-timeout is deprecated: use spojka.limits.public.timeout",
                        "spojka.endpoint.result-row-limit is deprecated: use spojka.limits.public.result-rows");
    }

    private static String budget(SpojkaProperties properties, Role role) {
        SpojkaProperties.QueryBudget budget = properties.limits().of(role);
        return budget.concurrentQueries() + " " + budget.timeout() + " " + budget.resultRows();
    }

    private static SpojkaProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("spojka", SpojkaProperties.class);
    }
}
