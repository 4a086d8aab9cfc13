package cz.spojka.connector;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The route templates declared in {@code routes/*.yaml} and the parameters each one declares, read from the same
 * files Camel loads, so the connector validator checks {@code connector.yaml} against the templates as they are.
 */
public final class RouteTemplates {

    /** Set by the hub on every template: the connector's id. */
    public static final String CONNECTOR_ID = "connectorId";

    /**
     * @param name the parameter, used as {@code {{name}}} in the template
     * @param description what it is for
     * @param defaultValue its default, or {@code null} when the connector must give it
     */
    public record Parameter(String name, String description, String defaultValue) {
        public boolean required() {
            return defaultValue == null;
        }
    }

    /** A template with its parameters (without {@link #CONNECTOR_ID}) in declaration order. */
    public record Template(String id, String description, Path file, Map<String, Parameter> parameters) {}

    private final Map<String, Template> templates;

    private RouteTemplates(Map<String, Template> templates) {
        this.templates = templates;
    }

    public static RouteTemplates read(Path routesDir) {
        Map<String, Template> templates = new TreeMap<>();
        for (Path file : yamlFiles(routesDir)) {
            for (Map<String, Object> declaration : templateDeclarations(file)) {
                Template template = template(file, declaration);
                templates.put(template.id(), template);
            }
        }
        return new RouteTemplates(templates);
    }

    public Template get(String id) {
        return templates.get(id);
    }

    public List<String> ids() {
        return List.copyOf(templates.keySet());
    }

    @SuppressWarnings("unchecked")
    private static Template template(Path file, Map<String, Object> declaration) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        Object declared = declaration.get("parameters");
        if (declared instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> p = (Map<String, Object>) item;
                String name = String.valueOf(p.get("name"));
                if (!CONNECTOR_ID.equals(name)) {
                    Object dflt = p.get("defaultValue");
                    parameters.put(
                            name,
                            new Parameter(
                                    name, (String) p.get("description"), dflt == null ? null : String.valueOf(dflt)));
                }
            }
        }
        return new Template(
                String.valueOf(declaration.get("id")), (String) declaration.get("description"), file, parameters);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> templateDeclarations(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            List<Map<String, Object>> result = new ArrayList<>();
            if (loaded instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> map && map.get("routeTemplate") instanceof Map<?, ?> template) {
                        result.add((Map<String, Object>) template);
                    }
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read route template file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the route templates in " + dir.toAbsolutePath() + " (spojka.routes-dir): "
                            + e.getMessage(),
                    e);
        }
    }
}
