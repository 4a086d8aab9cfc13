package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** Route templates: the hub's parameter declarations, their checks, and the view Camel loads. */
class RouteTemplatesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/cz/spojka/connector/routes");
    private final RouteTemplates templates = RouteTemplates.read(FIXTURES);

    @Test
    void readsTypedDeclarationsAndTellsPolledFromPushedTemplates() {
        RouteTemplates.Template push = templates.get("push-good");
        assertThat(push.polled()).isFalse();
        assertThat(push.parameters()).containsOnlyKeys("apiKey", "mode", "count", "schema");
        assertThat(push.parameters().get("schema").type()).isEqualTo(RouteTemplates.Type.FILE);
        assertThat(push.parameters().get("schema").required()).isFalse();
        assertThat(push.parameters().get("apiKey").secret()).isTrue();
        assertThat(push.parameters().get("apiKey").required()).isTrue();
        assertThat(push.parameters().get("mode").check("reckless"))
                .isEqualTo("'reckless' is not allowed; allowed values: fast, safe");
        assertThat(push.parameters().get("count").check("many")).isEqualTo("'many' is not a whole number");
        assertThat(push.parameters().get("count").check("12")).isNull();
        assertThat(RouteTemplates.read(Path.of("routes")).get("http-poll").polled())
                .isTrue();
    }

    @Test
    void aTemplateMayDeclareTheSnapshotModeOfItsConnectors() {
        RouteTemplates real = RouteTemplates.read(Path.of("routes"));
        assertThat(real.get("http-poll").snapshot()).isEqualTo("complete");
        assertThat(real.get("jdbc-poll").polled()).isTrue();
        assertThat(real.get("jdbc-poll").snapshot()).isEqualTo("incremental");
        assertThat(templates.get("push-good").snapshot()).isEqualTo("incremental");
    }

    @Test
    void aTemplateDeclaredWronglyIsNotOfferedAndSaysWhy() {
        assertThat(templates.get("declared-wrongly")).isNull();
        assertThat(templates.ids()).containsExactly("push-good");
        assertThat(templates.all().get("declared-wrongly").problems())
                .containsExactly(
                        "parameter 'url': needs a title and a description",
                        "parameter 'url': unknown type 'colour'; allowed types: string, url, integer, boolean,"
                                + " duration, enum, file",
                        "parameter 'kind': type enum needs allowedValues",
                        "parameter 'limit': unknown key 'colour'; allowed keys: name, title, description, type,"
                                + " defaultValue, allowedValues, required, secret",
                        "parameter 'limit': the defaultValue 'many' is not a whole number",
                        "the template has no description",
                        "unknown snapshot 'sometimes'; allowed values: complete, incremental");
    }

    @Test
    void theHttpPollTemplateUsesEveryParameterItDeclaresAndNoOther() throws Exception {
        Path file = Path.of("routes/http-poll.yaml");
        JsonNode template = new YAMLMapper().readTree(file.toFile()).get(0).get("routeTemplate");
        Set<String> beans = new TreeSet<>();
        template.get("beans").forEach(bean -> beans.add(bean.get("name").asText()));
        Set<String> used = new TreeSet<>();
        Matcher placeholder = Pattern.compile("\\{\\{\\??(\\w+)}}").matcher(Files.readString(file));
        while (placeholder.find()) {
            used.add(placeholder.group(1));
        }
        used.removeAll(beans);
        Set<String> declared = new TreeSet<>(RouteTemplates.read(Path.of("routes"))
                .get("http-poll")
                .parameters()
                .keySet());
        declared.add(RouteTemplates.CONNECTOR_ID);
        assertThat(used).isEqualTo(declared);
    }

    @Test
    void theFileDropTemplatesArePushedToAndHandCamelAnEmptyOptionAsUnset() throws Exception {
        RouteTemplates routes = RouteTemplates.read(Path.of("routes"));
        assertThat(routes.all()).containsKeys("file-drop", "ftp-drop", "sftp-drop");
        assertThat(routes.all().values())
                .allSatisfy(t -> assertThat(t.problems()).as(t.id()).isEmpty());
        assertThat(List.of("file-drop", "ftp-drop", "sftp-drop"))
                .allSatisfy(id -> assertThat(routes.get(id).polled()).as(id).isFalse());
        RouteTemplates.Template sftp = routes.get("sftp-drop");
        assertThat(sftp.parameters().get("strictHostKeyChecking").defaultValue())
                .isEqualTo("yes");
        assertThat(sftp.parameters().get("strictHostKeyChecking").check("maybe"))
                .isEqualTo("'maybe' is not allowed; allowed values: yes, no");
        assertThat(sftp.parameters().get("password").secret()).isTrue();
        assertThat(sftp.parameters().get("privateKeyPassphrase").secret()).isTrue();
        assertThat(routes.get("ftp-drop").parameters().get("password").secret()).isTrue();

        String yaml = routes.camelYaml().get(Path.of("routes/file-drop.yaml"));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getCamelContextExtension()
                    .getContextPlugin(RoutesLoader.class)
                    .loadRoutes(ResourceHelper.fromString("file:file-drop.yaml", yaml));
            Map<String, RouteTemplateParameterDefinition> parameters =
                    camel.getRouteTemplateDefinition("file-drop").getTemplateParameters().stream()
                            .collect(Collectors.toMap(RouteTemplateParameterDefinition::getName, p -> p));
            assertThat(parameters.get("doneFileName").getDefaultValue()).isNull();
            assertThat(parameters.get("doneFileName").isRequired()).isFalse();
            assertThat(parameters.get("include").getDefaultValue()).isEqualTo("*");
            assertThat(parameters.get("directory").isRequired()).isTrue();
        }
    }

    @Test
    void camelLoadsTheTemplatesWithoutTheHubsKeys() throws Exception {
        String yaml = templates.camelYaml().get(FIXTURES.resolve("fixture-templates.yaml"));
        assertThat(yaml).doesNotContain("title:", "secret:", "allowedValues:", "type:", "snapshot:");
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getCamelContextExtension()
                    .getContextPlugin(RoutesLoader.class)
                    .loadRoutes(ResourceHelper.fromString("file:fixture-templates.yaml", yaml));
            assertThat(camel.getRouteTemplateDefinition("push-good").getTemplateParameters())
                    .extracting(p -> p.getName())
                    .containsExactly("connectorId", "apiKey", "mode", "count", "schema");
            // The loader hands every parameter to Camel, an optional one left empty as "": it must resolve.
            TemplatedRouteBuilder.builder(camel, "push-good")
                    .routeId("connector-x")
                    .parameter("connectorId", "x")
                    .parameter("apiKey", "k")
                    .parameter("mode", "safe")
                    .parameter("count", "5")
                    .parameter("schema", "")
                    .add();
            camel.start();
            assertThat(camel.getRoute("connector-x")).isNotNull();
        }
    }
}
