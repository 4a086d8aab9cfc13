package cz.spojka.connector;

import cz.spojka.mapping.MappingSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.scheduling.support.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads every {@code connectors/<id>/} folder: {@code connector.yaml} and its mapping, checked against the route
 * templates. All problems of a connector are collected; a connector with problems is skipped and reported, the
 * others load.
 */
public final class ConnectorLoader {

    static final List<String> FIELDS = List.of(
            "id",
            "title",
            "description",
            "template",
            "parameters",
            "schedule",
            "snapshot",
            "mapping",
            "dataset",
            "municipalities",
            "resilience");
    static final List<String> SNAPSHOT_MODES = List.of("complete", "incremental");
    static final List<String> LANGUAGES = List.of("cs", "en");
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final Pattern ICO = Pattern.compile("[0-9]{8}");
    static final Pattern RUIAN = Pattern.compile("[0-9]{6}");
    private static final Duration MIN_SCHEDULE = Duration.ofSeconds(10);

    private final RouteTemplates templates;
    private final UnaryOperator<String> placeholders;
    private final boolean pseudonymKey;

    /**
     * @param templates the declared route templates
     * @param placeholders resolves {@code ${property}} placeholders; throws IllegalArgumentException when it cannot
     * @param pseudonymKey whether {@code spojka.privacy.pseudonym-key} is set, which the policy {@code pseudonymise}
     *     needs
     */
    public ConnectorLoader(RouteTemplates templates, UnaryOperator<String> placeholders, boolean pseudonymKey) {
        this.templates = templates;
        this.placeholders = placeholders;
        this.pseudonymKey = pseudonymKey;
    }

    /** The outcome: connectors that loaded, and the problems of those that did not. */
    public record Result(List<ConnectorDefinition> loaded, Map<String, List<ConfigProblem>> skipped) {}

    public Result loadAll(Path connectorsDir) throws IOException {
        List<ConnectorDefinition> loaded = new ArrayList<>();
        Map<String, List<ConfigProblem>> skipped = new LinkedHashMap<>();
        try (Stream<Path> folders = Files.list(connectorsDir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                List<ConfigProblem> problems = new ArrayList<>();
                ConnectorDefinition definition = load(folder, problems);
                if (problems.isEmpty()) {
                    loaded.add(definition);
                } else {
                    skipped.put(folder.getFileName().toString(), problems);
                }
            }
        }
        return new Result(loaded, skipped);
    }

    /** Loads one connector folder; returns null when there are problems (they are added to the list). */
    public ConnectorDefinition load(Path folder, List<ConfigProblem> problems) {
        String name = folder.getFileName().toString();
        ConnectorReader in = reader(folder.resolve("connector.yaml"), name, problems);
        if (in == null) {
            return null;
        }
        in.onlyKnownKeys("", FIELDS);
        String id = in.required("id");
        if (id != null && !id.equals(name)) {
            in.problem("id", "'" + id + "' must equal the connector's folder name '" + name + "'");
        }
        in.matching("id", id, ID, "a connector id (lower-case letters, digits, '-')");
        String title = in.required("title");
        String description = in.optional("description", null);
        String template = template(in);
        List<Map<String, String>> municipalities = municipalities(in, folder);
        Map<String, String> parameters =
                parameters(in, template, municipalities.isEmpty() ? Map.of() : municipalities.get(0));
        RouteTemplates.Template declared = template == null ? null : templates.get(template);
        Schedule schedule = declared == null || declared.polled() ? schedule(in) : noSchedule(in);
        String snapshot = in.oneOf(
                "snapshot",
                in.optional("snapshot", declared == null ? "complete" : declared.snapshot()),
                SNAPSHOT_MODES);
        Resilience resilience = new ResilienceReader(in).read(schedule);
        MappingSpec mapping = mapping(in, folder, name, problems);
        ConnectorDefinition.Dataset dataset = new DatasetReader(in, pseudonymKey)
                .read(
                        municipalities.isEmpty() ? null : municipalities.get(0),
                        schedule,
                        declared != null && !declared.polled());
        if (!problems.isEmpty()) {
            return null;
        }
        return new ConnectorDefinition(
                id,
                title,
                description,
                folder,
                template,
                parameters,
                schedule,
                "complete".equals(snapshot),
                mapping,
                dataset,
                municipalities,
                resilience);
    }

    private ConnectorReader reader(Path file, String connector, List<ConfigProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(new ConfigProblem(file, 1, connector, "-", "the file is missing"));
            return null;
        }
        try {
            return new ConnectorReader(YamlTree.read(file), connector, placeholders, problems);
        } catch (YamlTree.YamlSyntaxException e) {
            problems.add(new ConfigProblem(file, e.line(), connector, "-", "not valid YAML: " + e.getMessage()));
        } catch (IOException e) {
            problems.add(new ConfigProblem(file, 1, connector, "-", "cannot be read: " + e.getMessage()));
        }
        return null;
    }

    private String template(ConnectorReader in) {
        String id = in.required("template");
        RouteTemplates.Template declared = id == null ? null : templates.all().get(id);
        if (declared != null && !declared.problems().isEmpty()) {
            in.problem(
                    "template",
                    "the route template '" + id + "' (" + declared.file() + ") is declared wrongly: "
                            + String.join("; ", declared.problems()));
            return null;
        }
        return in.oneOf("template", id, templates.ids());
    }

    /** @param firstRow the first municipality's values, filled into {@code {key}} before a value is checked */
    private Map<String, String> parameters(ConnectorReader in, String templateId, Map<String, String> firstRow) {
        Map<String, String> values = new LinkedHashMap<>();
        RouteTemplates.Template template = templateId == null ? null : templates.get(templateId);
        if (template == null) {
            return values;
        }
        List<String> declared = List.copyOf(template.parameters().keySet());
        in.onlyKnownKeys("parameters", declared);
        for (RouteTemplates.Parameter parameter : template.parameters().values()) {
            String field = "parameters." + parameter.name();
            String value = parameter.required() ? in.required(field) : in.optional(field, parameter.defaultValue());
            if (value == null) {
                continue;
            }
            if (parameter.secret() && in.raw(field) instanceof String raw && !raw.contains("${")) {
                in.problem(
                        field,
                        "is a secret: give it as a ${PROPERTY} placeholder (an environment variable or a property),"
                                + " never written out in connector.yaml");
            }
            // An empty optional value means "not set"; an unresolved placeholder has been reported already.
            boolean unchecked = (value.isEmpty() && !parameter.required()) || value.contains("${");
            String problem = unchecked ? null : parameter.check(ConnectorDefinition.fill(value, firstRow));
            if (problem != null) {
                in.problem(
                        field,
                        parameter.secret()
                                ? "the secret value is not " + parameter.type().description()
                                : problem);
            }
            if (problem == null && !unchecked && parameter.type() == RouteTemplates.Type.FILE) {
                value = file(in, field, value);
            }
            values.put(parameter.name(), value);
        }
        return values;
    }

    /** A file parameter names a file in the connector folder; the route gets its path. */
    private static String file(ConnectorReader in, String field, String name) {
        Path folder = in.file().getParent();
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            in.problem(field, "file '" + name + "' does not exist in " + folder);
        }
        return file.toString();
    }

    /** An ISO-8601 interval (at least PT10S) or a six-field Spring cron expression; every hour by default. */
    private static Schedule schedule(ConnectorReader in) {
        String text = in.optional("schedule", "PT1H");
        if (text.startsWith("P")) {
            try {
                Duration interval = Duration.parse(text);
                if (interval.compareTo(MIN_SCHEDULE) < 0) {
                    in.problem("schedule", "'" + text + "' is shorter than the minimum PT10S");
                }
                return Schedule.every(interval);
            } catch (DateTimeParseException e) {
                in.problem("schedule", "'" + text + "' is not an ISO-8601 duration (e.g. PT15M, PT1H, P1D)");
                return null;
            }
        }
        try {
            CronExpression.parse(text);
            return Schedule.cron(text);
        } catch (IllegalArgumentException e) {
            in.problem(
                    "schedule",
                    "'" + text + "' is neither an ISO-8601 duration (PT15M) nor a cron expression with six fields"
                            + " (second minute hour day month weekday, e.g. '0 */15 * * * *'): " + e.getMessage());
            return null;
        }
    }

    private static Schedule noSchedule(ConnectorReader in) {
        if (in.raw("schedule") != null) {
            in.problem("schedule", "the template is pushed to by the source, so the connector has no schedule");
        }
        return null;
    }

    private MappingSpec mapping(ConnectorReader in, Path folder, String connector, List<ConfigProblem> problems) {
        String file = in.optional("mapping", "mapping.yaml");
        Path path = folder.resolve(file);
        if (!Files.isRegularFile(path)) {
            in.problem("mapping", "file '" + file + "' does not exist in " + folder);
            return null;
        }
        ConnectorReader mapping = reader(path, connector, problems);
        return mapping == null ? null : MappingReader.read(mapping, folder);
    }

    /**
     * The municipalities one connector serves: an inline list or a YAML/JSON file in the connector's folder with a
     * list of rows, each with {@code name}, {@code ico}, {@code ruian} and any values the parameters use as
     * {@code {key}}. An IČO may be written without its leading zeros.
     */
    private static List<Map<String, String>> municipalities(ConnectorReader in, Path folder) {
        Object declared = in.raw("municipalities");
        if (declared == null) {
            return List.of();
        }
        List<?> rows;
        String where;
        if (declared instanceof String file) {
            Path path = folder.resolve(file);
            where = file;
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
                rows = loaded instanceof List<?> list ? list : null;
            } catch (IOException | RuntimeException e) {
                in.problem("municipalities", "cannot read '" + file + "': " + e.getMessage());
                return List.of();
            }
        } else {
            rows = declared instanceof List<?> list ? list : null;
            where = "municipalities";
        }
        if (rows == null || rows.isEmpty()) {
            in.problem(
                    "municipalities",
                    "must be a non-empty list of rows (name, ico, ruian, …) or the name of a YAML/JSON file with one");
            return List.of();
        }
        List<Map<String, String>> municipalities = new ArrayList<>(rows.size());
        Set<String> icos = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String field = "municipalities[" + i + "]";
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                in.problem(field, "in " + where + " must be a mapping with name, ico and ruian");
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            row.forEach((key, value) -> values.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
            String ico = values.getOrDefault("ico", "");
            String padded = ico.length() < 8 ? "0".repeat(8 - ico.length()) + ico : ico;
            values.put("ico", padded);
            if (!ICO.matcher(padded).matches() || !Ico.valid(padded)) {
                in.problem(field + ".ico", "in " + where + ": '" + ico + "' is not a valid IČO");
            } else if (!icos.add(padded)) {
                in.problem(field + ".ico", "in " + where + ": IČO " + padded + " is listed twice");
            }
            if (!RUIAN.matcher(values.getOrDefault("ruian", "")).matches()) {
                in.problem(
                        field + ".ruian",
                        "in " + where + ": '" + values.get("ruian") + "' is not a RÚIAN municipality code (6 digits)");
            }
            if (values.getOrDefault("name", "").isBlank()) {
                in.problem(field + ".name", "in " + where + ": is required");
            }
            municipalities.add(values);
        }
        return municipalities;
    }
}
