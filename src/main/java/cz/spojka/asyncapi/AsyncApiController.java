package cz.spojka.asyncapi;

import cz.spojka.changelog.KafkaClients;
import cz.spojka.connector.Connectors;
import cz.spojka.system.SpojkaProperties;
import cz.spojka.vocab.EntityShapes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /asyncapi.yaml}: the AsyncAPI 3.0 document of the change events, built for each request from the
 * connectors loaded at that moment, so that its event types are always the ones the hub can publish.
 */
@RestController
class AsyncApiController {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final Connectors connectors;
    private final SpojkaProperties properties;
    private final KafkaClients clients;
    private final EntityShapes shapes;

    AsyncApiController(Connectors connectors, SpojkaProperties properties, KafkaClients clients, EntityShapes shapes) {
        this.connectors = connectors;
        this.properties = properties;
        this.clients = clients;
        this.shapes = shapes;
    }

    @GetMapping("/asyncapi.yaml")
    ResponseEntity<String> document() {
        EventCatalog catalog = EventCatalog.of(
                connectors.active().stream().map(Connectors.Active::definition).toList());
        return ResponseEntity.ok()
                .contentType(YAML)
                .body(AsyncApiDocument.yaml(AsyncApiDocument.of(
                        catalog, properties.kafka(), clients.bootstrapServers(), shapes.byClass())));
    }
}
