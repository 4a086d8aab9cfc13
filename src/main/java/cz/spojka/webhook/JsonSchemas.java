package cz.spojka.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas pushed records are checked against, each compiled once. A schema without {@code $schema} is read
 * as draft 7, and {@code format} (date-time, uri, …) is asserted, not just annotated: a GeoReport request whose
 * requested_datetime has no time zone is refused at the door, not deep in the mapping.
 */
final class JsonSchemas {

    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final Map<Path, JsonSchema> compiled = new ConcurrentHashMap<>();

    /**
     * What is wrong with the body, one line per problem; empty when it conforms. A JSON list is a list of records:
     * each element must conform. Each problem starts with where it is: {@code $} for the body, {@code $[0]} for the
     * first record of a list, then the JSON Pointer inside it ({@code $[0]/status: does not have a value in …}).
     */
    List<String> violations(JsonNode body, Path schemaFile) {
        JsonSchema schema = compiled.computeIfAbsent(schemaFile, this::compile);
        List<String> problems = new ArrayList<>();
        if (body.isArray()) {
            for (int i = 0; i < body.size(); i++) {
                for (ValidationMessage message : schema.validate(body.get(i))) {
                    problems.add("$[" + i + "]" + message.getMessage());
                }
            }
        } else {
            schema.validate(body).forEach(message -> problems.add("$" + message.getMessage()));
        }
        return problems;
    }

    private JsonSchema compile(Path file) {
        return factory.getSchema(
                SchemaLocation.of(file.toAbsolutePath().normalize().toUri().toString()), CONFIG);
    }
}
