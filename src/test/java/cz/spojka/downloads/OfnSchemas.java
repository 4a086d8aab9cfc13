package cz.spojka.downloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OFN JSON Schemas bundled in {@code vocab/schemas/ofn.gov.cz/}, found by their {@code https://ofn.gov.cz/…} IRIs
 * without the network. Formats ({@code iri}, {@code date}, …) are asserted. A schema that is not bundled (the norms
 * reference a GeoJSON schema for geometries, which no download writes) fails the validation that reaches it.
 */
public final class OfnSchemas {

    private static final String OFN = "https://ofn.gov.cz/";
    private static final Path BUNDLED = Path.of("vocab", "schemas", "ofn.gov.cz");
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .preloadJsonSchema(false)
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V201909,
            builder -> builder.schemaLoaders(loaders -> loaders.add(OfnSchemas::bundled)));
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private OfnSchemas() {}

    /** What is wrong with the document against the schema with this IRI; empty when it conforms. */
    public static List<String> violations(String schemaIri, JsonNode document) {
        JsonSchema schema =
                COMPILED.computeIfAbsent(schemaIri, iri -> FACTORY.getSchema(SchemaLocation.of(iri), CONFIG));
        return schema.validate(document).stream()
                .map(ValidationMessage::toString)
                .toList();
    }

    private static InputStreamSource bundled(AbsoluteIri iri) {
        String text = iri.toString();
        if (!text.startsWith(OFN)) {
            return () -> {
                throw new IOException("Schema " + text + " is not bundled");
            };
        }
        Path file = BUNDLED.resolve(URLDecoder.decode(text.substring(OFN.length()), StandardCharsets.UTF_8));
        return () -> Files.newInputStream(file);
    }
}
