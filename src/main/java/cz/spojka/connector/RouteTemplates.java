package cz.spojka.connector;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The route templates declared in {@code routes/*.yaml}: Camel YAML DSL {@code routeTemplate}s whose parameters carry
 * a full declaration (title, description, type, default, allowed values, required, secret). The hub reads the files
 * itself: the connector validator checks {@code connector.yaml} against the declarations, {@code docs/connectors.md}
 * is generated from them, and Camel gets the same templates with the keys it does not know removed.
 */
public final class RouteTemplates {

    /** Set by the hub on every template: the connector's id. */
    public static final String CONNECTOR_ID = "connectorId";
    /** The entry of every polled template; a template that starts elsewhere is pushed to (MQTT, webhook, files). */
    static final String POLL_ENTRY = "direct:spojka-poll-{{connectorId}}";

    /** The parameter keys Camel's YAML DSL knows; the others are the hub's and are removed before Camel loads. */
    private static final Set<String> CAMEL_KEYS = Set.of("name", "description", "defaultValue", "required");

    /** The template-level key only the hub reads: the default snapshot mode of the template's connectors. */
    private static final String SNAPSHOT = "snapshot";

    private static final List<String> KEYS =
            List.of("name", "title", "description", "type", "defaultValue", "allowedValues", "required", "secret");

    /** What a parameter's value must be. */
    public enum Type {
        STRING("any text"),
        URL("an absolute URL"),
        INTEGER("a whole number"),
        BOOLEAN("true or false"),
        DURATION("an ISO-8601 duration such as PT30S or PT15M"),
        ENUM("one of the allowed values"),
        /** The connector loader checks that the file exists and hands the route its path. */
        FILE("a file in the connector folder");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Why the value is not of this type, or {@code null} when it is. */
        String check(String value) {
            try {
                switch (this) {
                    case URL -> {
                        if (!URI.create(value).isAbsolute()) {
                            return "is not " + description;
                        }
                    }
                    case INTEGER -> Long.parseLong(value);
                    case BOOLEAN -> {
                        if (!value.equals("true") && !value.equals("false")) {
                            return "is not " + description;
                        }
                    }
                    case DURATION -> Duration.parse(value);
                    default -> {
                        return null;
                    }
                }
                return null;
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return "is not " + description;
            }
        }
    }

    /**
     * @param name the parameter, used as {@code {{name}}} in the template
     * @param title a short label
     * @param description what it is for
     * @param type what its value must be
     * @param defaultValue its default, or {@code null} when the connector must give it
     * @param allowedValues the values it may take; empty when any value of its type will do
     * @param secret whether it is a credential: given only through a placeholder, never shown
     */
    public record Parameter(
            String name,
            String title,
            String description,
            Type type,
            String defaultValue,
            List<String> allowedValues,
            boolean secret) {

        public boolean required() {
            return defaultValue == null;
        }

        /** Why the value is not allowed, or {@code null} when it is. */
        public String check(String value) {
            if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
                return "'" + value + "' is not allowed; allowed values: " + String.join(", ", allowedValues);
            }
            String problem = type.check(value);
            return problem == null ? null : "'" + value + "' " + problem;
        }
    }

    /**
     * A template with its parameters (without {@link #CONNECTOR_ID}) in declaration order.
     *
     * @param polled whether the hub polls it on the connector's schedule; otherwise the source pushes to it
     * @param snapshot the snapshot mode of its connectors unless they set one: declared by the template's own
     *     {@code snapshot} key (a template whose runs fetch only what changed declares {@code incremental}), else
     *     {@code complete} for a polled template and {@code incremental} for one the source pushes to
     * @param problems what is wrong with its declaration; a template with problems is not offered to connectors
     */
    public record Template(
            String id,
            String description,
            Path file,
            Map<String, Parameter> parameters,
            boolean polled,
            String snapshot,
            List<String> problems) {}

    private final Map<String, Template> templates;
    private final Map<Path, String> camelYaml;

    private RouteTemplates(Map<String, Template> templates, Map<Path, String> camelYaml) {
        this.templates = templates;
        this.camelYaml = camelYaml;
    }

    public static RouteTemplates read(Path routesDir) {
        Map<String, Template> templates = new TreeMap<>();
        Map<Path, String> camelYaml = new LinkedHashMap<>();
        for (Path file : yamlFiles(routesDir)) {
            List<Object> document = load(file);
            for (Map<String, Object> declaration : templateDeclarations(document)) {
                Template template = template(file, declaration);
                templates.put(template.id(), template);
                stripHubKeys(declaration);
            }
            camelYaml.put(file, DUMPER.dump(document));
        }
        return new RouteTemplates(templates, camelYaml);
    }

    /** The usable template of that id, or {@code null}. */
    public Template get(String id) {
        Template template = templates.get(id);
        return template == null || !template.problems().isEmpty() ? null : template;
    }

    /** Ids of the usable templates. */
    public List<String> ids() {
        return templates.values().stream()
                .filter(t -> t.problems().isEmpty())
                .map(Template::id)
                .toList();
    }

    /** Every declared template, usable or not, by id. */
    public Map<String, Template> all() {
        return templates;
    }

    /** Each template file as Camel's YAML DSL reads it: the hub's own parameter keys removed. */
    public Map<Path, String> camelYaml() {
        return camelYaml;
    }

    @SuppressWarnings("unchecked")
    private static Template template(Path file, Map<String, Object> declaration) {
        String id = String.valueOf(declaration.get("id"));
        List<String> problems = new ArrayList<>();
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        Object declared = declaration.get("parameters");
        if (declared instanceof List<?> list) {
            for (Object item : list) {
                Parameter parameter = parameter((Map<String, Object>) item, problems);
                if (parameter != null && !CONNECTOR_ID.equals(parameter.name())) {
                    parameters.put(parameter.name(), parameter);
                }
            }
        }
        String description = (String) declaration.get("description");
        if (description == null || description.isBlank()) {
            problems.add("the template has no description");
        }
        boolean polled = declaration.get("from") instanceof Map<?, ?> from && POLL_ENTRY.equals(from.get("uri"));
        String snapshot = text(declaration, SNAPSHOT);
        if (snapshot == null) {
            snapshot = polled ? "complete" : "incremental";
        } else if (!ConnectorLoader.SNAPSHOT_MODES.contains(snapshot)) {
            problems.add("unknown snapshot '" + snapshot + "'; allowed values: "
                    + String.join(", ", ConnectorLoader.SNAPSHOT_MODES));
        }
        return new Template(id, description, file, parameters, polled, snapshot, List.copyOf(problems));
    }

    private static Parameter parameter(Map<String, Object> p, List<String> problems) {
        String name = String.valueOf(p.get("name"));
        String where = "parameter '" + name + "'";
        for (String key : p.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(where + ": unknown key '" + key + "'; allowed keys: " + String.join(", ", KEYS));
            }
        }
        if (CONNECTOR_ID.equals(name)) {
            return new Parameter(name, name, text(p, "description"), Type.STRING, null, List.of(), false);
        }
        String title = text(p, "title");
        String description = text(p, "description");
        if (title == null || description == null) {
            problems.add(where + ": needs a title and a description");
        }
        Type type = Type.STRING;
        String typeName = text(p, "type");
        if (typeName != null) {
            try {
                type = Type.valueOf(typeName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": unknown type '" + typeName + "'; allowed types: "
                        + String.join(
                                ", ",
                                Arrays.stream(Type.values()).map(Type::label).toList()));
            }
        }
        List<String> allowed = p.get("allowedValues") instanceof List<?> values
                ? values.stream().map(String::valueOf).toList()
                : List.of();
        if (type == Type.ENUM && allowed.isEmpty()) {
            problems.add(where + ": type enum needs allowedValues");
        }
        boolean required = Boolean.TRUE.equals(p.get("required"));
        String defaultValue = p.get("defaultValue") == null ? null : String.valueOf(p.get("defaultValue"));
        if (required == (defaultValue != null)) {
            problems.add(where + ": give either 'required: true' or a defaultValue");
        }
        Parameter parameter = new Parameter(
                name, title, description, type, defaultValue, allowed, Boolean.TRUE.equals(p.get("secret")));
        if (defaultValue != null && !defaultValue.isEmpty() && parameter.check(defaultValue) != null) {
            problems.add(where + ": the defaultValue " + parameter.check(defaultValue));
        }
        return parameter;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }

    /**
     * Removes the keys only the hub reads. An empty default means "not set" to the hub, so Camel gets the parameter as
     * optional without a default: a connector that leaves it empty does not pass it, and the template's
     * {@code {{?name}}} then drops the endpoint option instead of setting it to an empty value.
     */
    @SuppressWarnings("unchecked")
    private static void stripHubKeys(Map<String, Object> declaration) {
        declaration.remove(SNAPSHOT);
        if (declaration.get("parameters") instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> parameter = (Map<String, Object>) item;
                parameter.keySet().retainAll(CAMEL_KEYS);
                if ("".equals(parameter.get("defaultValue"))) {
                    parameter.remove("defaultValue");
                    parameter.put("required", false);
                }
            }
        }
    }

    private static final Yaml DUMPER = new Yaml(dumperOptions());

    private static DumperOptions dumperOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return options;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return loaded instanceof List<?> items ? (List<Object>) items : new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read route template file " + file + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> templateDeclarations(List<Object> document) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : document) {
            if (item instanceof Map<?, ?> map && map.get("routeTemplate") instanceof Map<?, ?> template) {
                result.add((Map<String, Object>) template);
            }
        }
        return result;
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
