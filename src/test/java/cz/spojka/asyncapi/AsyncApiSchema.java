package cz.spojka.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks an AsyncAPI document as a real AsyncAPI 3 validator would: against the official AsyncAPI 3.0.0 JSON Schema
 * (bundled, see {@code README.md} beside it), and every {@code $ref} inside the document must point at something,
 * which the JSON Schema cannot check.
 */
public final class AsyncApiSchema {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("classpath:cz/spojka/asyncapi/asyncapi-3.0.0.schema.json"));

    private AsyncApiSchema() {}

    /** Every problem of the document, each naming where it is; empty for a valid document. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(document)) {
            problems.add(message.getMessage());
        }
        references(document, document, problems);
        return problems;
    }

    private static void references(JsonNode document, JsonNode node, List<String> problems) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode()) {
                problems.add("$ref '" + ref + "' points at nothing in the document");
            }
        }
        node.forEach(child -> references(document, child, problems));
    }
}
