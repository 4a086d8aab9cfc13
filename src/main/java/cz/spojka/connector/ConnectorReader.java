package cz.spojka.connector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads fields from one YAML file of a connector and collects every problem instead of stopping at the first, each
 * naming the file, the line, the field, the bad value and the allowed values.
 */
final class ConnectorReader {

    private final YamlTree yaml;
    private final String connector;
    private final UnaryOperator<String> placeholders;
    private final List<ConfigProblem> problems;

    ConnectorReader(YamlTree yaml, String connector, UnaryOperator<String> placeholders, List<ConfigProblem> problems) {
        this.yaml = yaml;
        this.connector = connector;
        this.placeholders = placeholders;
        this.problems = problems;
    }

    Path file() {
        return yaml.file();
    }

    int line(String field) {
        return yaml.line(field);
    }

    void problem(String field, String message) {
        problems.add(new ConfigProblem(yaml.file(), yaml.line(field), connector, field, message));
    }

    void problemAtLine(String field, int line, String message) {
        problems.add(new ConfigProblem(yaml.file(), line, connector, field, message));
    }

    /** A required text field, with {@code ${...}} placeholders resolved; null (and a problem) when missing. */
    String required(String field) {
        String value = optional(field, null);
        if (value == null || value.isBlank()) {
            problem(field, "is required");
            return null;
        }
        return value;
    }

    String optional(String field, String defaultValue) {
        Object value = yaml.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String text)) {
            problem(field, "must be a text value, not " + describe(value));
            return defaultValue;
        }
        return resolve(field, text);
    }

    String resolve(String field, String text) {
        try {
            return placeholders.apply(text);
        } catch (IllegalArgumentException e) {
            problem(field, "has a placeholder that no property defines: " + e.getMessage());
            return text;
        }
    }

    String matching(String field, String value, Pattern pattern, String what) {
        if (value != null && !pattern.matcher(value).matches()) {
            problem(field, "'" + value + "' is not " + what);
        }
        return value;
    }

    String oneOf(String field, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            problem(field, "unknown value '" + value + "'; allowed values: " + String.join(", ", allowed));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String field) {
        Object value = field.isEmpty() ? yaml.root() : yaml.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            problem(field, "must be a mapping of names to values, not " + describe(value));
            return Map.of();
        }
        return (Map<String, Object>) value;
    }

    List<?> list(String field) {
        Object value = yaml.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(field, "must be a list, not " + describe(value));
            return List.of();
        }
        return list;
    }

    void onlyKnownKeys(String field, Collection<String> allowed) {
        for (String key : map(field).keySet()) {
            if (!allowed.contains(key)) {
                String path = field.isEmpty() ? key : field + "." + key;
                problem(path, "unknown field; allowed fields: " + String.join(", ", allowed));
            }
        }
    }

    List<String> keysOf(String field) {
        return new ArrayList<>(map(field).keySet());
    }

    Object raw(String field) {
        return yaml.get(field);
    }

    private static String describe(Object value) {
        return value instanceof Map ? "a mapping" : value instanceof List ? "a list" : "'" + value + "'";
    }
}
