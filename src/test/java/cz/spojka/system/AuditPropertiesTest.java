package cz.spojka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** The audit log's properties as Spring binds and validates them at start-up. */
class AuditPropertiesTest {

    @Test
    void aFileSizeBelowOneMegabyteIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("spojka.audit.file-size", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("spojka.audit.file-size must be at least 1MB");
        assertThat(bind(Map.of("spojka.audit.file-size", "1MB")).fileSize().toMegabytes())
                .isEqualTo(1);
    }

    private static SpojkaProperties.Audit bind(Map<String, String> values) {
        SpringValidatorAdapter validator = new SpringValidatorAdapter(
                Validation.buildDefaultValidatorFactory().getValidator());
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate(
                        "spojka.audit",
                        Bindable.of(SpojkaProperties.Audit.class),
                        new ValidationBindHandler(validator));
    }
}
