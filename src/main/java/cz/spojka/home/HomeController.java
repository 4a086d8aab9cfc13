package cz.spojka.home;

import cz.spojka.connector.Connectors;
import cz.spojka.system.SpojkaProperties;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: the hub's home page, which links everything a visitor can open and lists the datasets. */
@RestController
class HomeController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final SpojkaProperties properties;
    private final Connectors connectors;

    HomeController(SpojkaProperties properties, Connectors connectors) {
        this.properties = properties;
        this.connectors = connectors;
    }

    @GetMapping("/")
    ResponseEntity<String> home() {
        return ResponseEntity.ok()
                .contentType(HTML)
                .body(HomePage.of(
                        properties.catalog(),
                        sparqlEndpoint(),
                        connectors.active().stream()
                                .map(c -> c.definition().dataset())
                                .toList()));
    }

    /** The hub's own {@code /sparql} (with the query UI), or the external store's query endpoint. */
    private String sparqlEndpoint() {
        return properties.store().type() == SpojkaProperties.StoreType.tdb2
                ? "/sparql"
                : properties.store().sparql().queryEndpoint();
    }
}
