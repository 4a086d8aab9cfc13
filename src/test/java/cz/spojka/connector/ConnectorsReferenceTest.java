package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.privacy.YamlValues;
import cz.spojka.system.GeneratedDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/connectors.md} is generated from the route templates' parameter declarations and the ready connectors'
 * {@code connector.yaml}, never written by hand. This test fails when the committed reference is stale;
 * {@code mvn test -Dtest=ConnectorsReferenceTest -Dspojka.docs.update=true} rewrites it.
 */
class ConnectorsReferenceTest {

    private static final Path REFERENCE = Path.of("docs/connectors.md");

    @Test
    void theConnectorsReferenceIsGeneratedFromTheDeclarations() throws IOException {
        GeneratedDocs.assertCurrent(
                REFERENCE,
                render(RouteTemplates.read(Path.of("routes")), readyConnectors()),
                ConnectorsReferenceTest.class);
    }

    @Test
    void everyTemplateIsDeclaredCorrectly() {
        RouteTemplates.read(Path.of("routes"))
                .all()
                .values()
                .forEach(t -> assertThat(t.problems()).as(t.id()).isEmpty());
    }

    private static List<ConnectorDefinition> readyConnectors() throws IOException {
        // Placeholders are shown as written, not resolved against this machine's environment.
        ConnectorLoader loader = new ConnectorLoader(RouteTemplates.read(Path.of("routes")), text -> text, false);
        ConnectorLoader.Result result = loader.loadAll(Path.of("connectors"));
        assertThat(result.skipped()).isEmpty();
        return result.loaded();
    }

    static String render(RouteTemplates templates, List<ConnectorDefinition> connectors) {
        StringBuilder md = new StringBuilder("""
                # Route templates and ready connectors

                Generated from the declarations in `routes/*.yaml` and `connectors/*/connector.yaml` by
                `ConnectorsReferenceTest`; do not edit by hand. How to write a connector:
                [connector-guide.md](connector-guide.md).

                ## Route templates

                """);
        for (RouteTemplates.Template template : templates.all().values()) {
            md.append("### `").append(template.id()).append("`\n\n");
            md.append(template.description().strip()).append("\n\n");
            md.append("File `")
                    .append(Path.of("")
                            .toAbsolutePath()
                            .relativize(template.file().toAbsolutePath()))
                    .append("`; ")
                    .append(
                            template.polled()
                                    ? "polled by the hub on the connector's `schedule`."
                                    : "pushed to by the source: connectors have no `schedule`.")
                    .append("\n\n");
            md.append("| parameter | title | type | required / default | description |\n");
            md.append("|---|---|---|---|---|\n");
            for (RouteTemplates.Parameter p : template.parameters().values()) {
                String type = p.type().label()
                        + (p.allowedValues().isEmpty() ? "" : ": " + code(String.join(" \\| ", p.allowedValues())))
                        + (p.secret() ? ", **secret**" : "");
                String presence = p.required()
                        ? "required"
                        : p.defaultValue().isEmpty() ? "optional" : "default " + code(p.defaultValue());
                md.append("| `")
                        .append(p.name())
                        .append("` | ")
                        .append(cell(p.title()))
                        .append(" | ")
                        .append(type)
                        .append(" | ")
                        .append(presence)
                        .append(" | ")
                        .append(cell(p.description()))
                        .append(" |\n");
            }
            md.append("\n");
        }
        md.append("## Ready connectors\n\n");
        md.append("| connector | title | template | schedule | snapshot | dataset | privacy | municipality |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        List<String> descriptions = new ArrayList<>();
        for (ConnectorDefinition c : connectors) {
            ConnectorDefinition.Dataset d = c.dataset();
            md.append("| [`")
                    .append(c.id())
                    .append("`](#")
                    .append(c.id())
                    .append(") | ")
                    .append(cell(c.title()))
                    .append(" | `")
                    .append(c.template())
                    .append("` | ")
                    .append(c.schedule() == null ? "pushed" : c.schedule().toString())
                    .append(" | ")
                    .append(c.completeSnapshots() ? "complete" : "incremental")
                    .append(" | `")
                    .append(d.id())
                    .append("` | ")
                    .append(YamlValues.of(d.privacy().classification()))
                    .append(", ")
                    .append(YamlValues.of(d.privacy().policy()))
                    .append(" | ")
                    .append(cell(d.municipalityName()))
                    .append(", IČO ")
                    .append(d.ico())
                    .append(", RÚIAN ")
                    .append(d.ruian())
                    .append(" |\n");
            StringBuilder text = new StringBuilder("### " + c.id() + "\n\n");
            if (c.description() != null) {
                text.append(c.description().strip()).append("\n\n");
            }
            Path readme = c.folder().resolve("README.md");
            text.append("Folder [`connectors/")
                    .append(c.id())
                    .append("/`](../connectors/")
                    .append(c.id())
                    .append("/)")
                    .append(Files.isRegularFile(readme) ? ", described in its README." : ".")
                    .append(" Parameters (template defaults omitted): ");
            List<String> values = new ArrayList<>();
            RouteTemplates.Template template = templates.get(c.template());
            c.parameters().forEach((name, value) -> {
                if (!value.equals(template.parameters().get(name).defaultValue())) {
                    values.add("`" + name + "` = " + code(value));
                }
            });
            text.append(String.join(", ", values)).append(".\n\n");
            text.append(catalogue(d.catalog()));
            descriptions.add(text.toString());
        }
        md.append("\n");
        descriptions.forEach(md::append);
        return md.toString().stripTrailing() + "\n";
    }

    /** What the catalogue ({@code /catalog}) says of the dataset beside its title and description. */
    private static String catalogue(CatalogEntry entry) {
        return "Catalogue (`dataset.catalog`): themes "
                + String.join(
                        ", ",
                        entry.themes().stream().map(t -> "`" + t.name() + "`").toList())
                + "; update frequency `" + entry.frequency().code() + "` ("
                + (entry.frequencyDeclared() ? "declared" : "from the schedule") + "); keywords "
                + String.join(", ", entry.keywordsCs()) + " / " + String.join(", ", entry.keywordsEn())
                + "; contact " + entry.contactEmail() + "; personal data: "
                + (entry.termsOfUse().personalData() ? "yes" : "no") + ".\n\n";
    }

    private static String code(String value) {
        return "`" + value.replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.strip().replace("\n", " ").replace("|", "\\|");
    }
}
