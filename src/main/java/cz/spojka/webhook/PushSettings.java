package cz.spojka.webhook;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.springframework.http.MediaType;

/**
 * A webhook connector's settings, as the {@code webhook} template hands them to the bean: the template's parameters
 * set as exchange properties {@code spojkaPush.<parameter>}.
 *
 * @param apiKey the key a push must carry
 * @param apiKeyHeader the header that carries it
 * @param contentTypes the media types a push may declare
 * @param maxBytes the largest body accepted
 * @param jsonSchema the JSON Schema every record must conform to, or {@code null} for none
 * @param dropFields top-level fields removed from every record on arrival
 */
record PushSettings(
        String apiKey,
        String apiKeyHeader,
        List<MediaType> contentTypes,
        long maxBytes,
        Path jsonSchema,
        Set<String> dropFields) {

    static final String PREFIX = "spojkaPush.";

    static PushSettings of(Exchange exchange) {
        String schema = text(exchange, "jsonSchema");
        return new PushSettings(
                text(exchange, "apiKey"),
                text(exchange, "apiKeyHeader"),
                MediaType.parseMediaTypes(text(exchange, "contentTypes")),
                Long.parseLong(text(exchange, "maxBytes")),
                schema.isEmpty() ? null : Path.of(schema),
                list(text(exchange, "dropFields")));
    }

    /** Whether a declared content type is one of the accepted ones; parameters such as charset are not compared. */
    boolean accepts(MediaType declared) {
        return contentTypes.stream()
                .anyMatch(accepted -> accepted.getType().equalsIgnoreCase(declared.getType())
                        && accepted.getSubtype().equalsIgnoreCase(declared.getSubtype()));
    }

    private static String text(Exchange exchange, String parameter) {
        String value = exchange.getProperty(PREFIX + parameter, String.class);
        if (value == null) {
            throw new IllegalStateException("The webhook route did not set the exchange property " + PREFIX + parameter
                    + "; routes/webhook.yaml sets every parameter before it calls the bean");
        }
        return value.trim();
    }

    private static Set<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
