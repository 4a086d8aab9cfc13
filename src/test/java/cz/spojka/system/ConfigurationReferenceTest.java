package cz.spojka.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is generated from the declarations in {@link SpojkaProperties} (their javadoc, types
 * and defaults, as compiled into Spring Boot's configuration metadata), never written by hand. This test fails when
 * the committed reference is stale; {@code mvn test -Dtest=ConfigurationReferenceTest -Dspojka.docs.update=true}
 * rewrites it.
 */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("docs/configuration.md");

    @Test
    void theConfigurationReferenceIsGeneratedFromTheDeclarations() throws IOException {
        GeneratedDocs.assertCurrent(REFERENCE, render(metadata()), ConfigurationReferenceTest.class);
    }

    @Test
    void everySpojkaPropertyHasADescription() throws IOException {
        List<String> undocumented = new ArrayList<>();
        metadata().get("properties").forEach(p -> {
            if (!p.hasNonNull("description")) {
                undocumented.add(p.get("name").asText());
            }
        });
        assertThat(undocumented).isEmpty();
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream in =
                ConfigurationReferenceTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static String defaultValue(JsonNode property) {
        if (!property.hasNonNull("defaultValue")) {
            return "";
        }
        String value = property.get("defaultValue").asText();
        return value.isEmpty() ? "(empty)" : "`" + value + "`";
    }

    static String render(JsonNode metadata) {
        StringBuilder md = new StringBuilder("""
                # Configuration reference

                Generated from `cz.spojka.system.SpojkaProperties` by `ConfigurationReferenceTest`; do not edit by hand.
                Every property can be set in `application.yaml`, as a command-line argument
                (`--spojka.data-dir=/srv/spojka`) or as an environment variable (`SPOJKA_DATA_DIR=/srv/spojka`).
                Values are validated at start-up; a bad value stops the hub with a message naming the property.

                | Property | Type | Default | Description |
                |---|---|---|---|
                """);
        List<JsonNode> properties = new ArrayList<>();
        metadata.get("properties").forEach(properties::add);
        properties.sort((a, b) -> a.get("name").asText().compareTo(b.get("name").asText()));
        for (JsonNode p : properties) {
            String type = p.get("type").asText();
            md.append("| `")
                    .append(p.get("name").asText())
                    .append("` | ")
                    .append(type.replaceAll("\\b[a-z][a-z0-9_]*\\.", "")
                            .replace('$', '.')
                            .replaceAll("List<(\\w+)>", "List of $1"))
                    .append(" | ")
                    .append(defaultValue(p))
                    .append(" | ")
                    .append(p.path("description")
                            .asText()
                            .replace("{@code ", "`")
                            .replaceAll("`([^}]*)}", "`$1`")
                            .replace("|", "\\|"))
                    .append(" |\n");
        }
        return md.toString();
    }
}
