package cz.spojka.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The GeoReport v2 request schema of connectors/citizen-reports over the spec's example requests. */
class JsonSchemasTest {

    private static final Path SCHEMA = Path.of("connectors/citizen-reports/georeport-v2-request.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemas schemas = new JsonSchemas();

    @Test
    void theSpecExampleOfOneRequestConforms() throws IOException {
        assertThat(schemas.violations(sample("citizen-reports/samples/request-638344.json"), SCHEMA))
                .isEmpty();
    }

    /** Its first media_url ends with a space, which no URI does; each record of a list is checked. */
    @Test
    void theSpecExampleOfRequestsJsonDoesNot() throws IOException {
        assertThat(schemas.violations(sample("citizen-reports-poll/samples/requests.json"), SCHEMA))
                .containsExactly(
                        "$[0]/media_url: does not match the uri pattern must be a valid RFC 3986 URI",
                        "$[0]/media_url: string found, null expected");
    }

    @Test
    void aSingleRequestIsCheckedAsTheBodyItselfWithFormatsAsserted() throws IOException {
        ObjectNode request = (ObjectNode)
                sample("citizen-reports/samples/request-638344.json").get(0);
        request.put("requested_datetime", "2010-04-14T06:37:38");
        request.put("service_request_id", 638344);

        assertThat(schemas.violations(request, SCHEMA))
                .containsExactlyInAnyOrder(
                        "$/service_request_id: integer found, string expected",
                        "$/requested_datetime: does not match the date-time pattern must be a valid RFC 3339"
                                + " date-time");
    }

    private static JsonNode sample(String path) throws IOException {
        return JSON.readTree(Path.of("connectors", path).toFile());
    }
}
