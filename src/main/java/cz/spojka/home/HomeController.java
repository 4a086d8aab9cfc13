package cz.spojka.home;

import cz.spojka.access.Caller;
import cz.spojka.access.GraphAccess;
import cz.spojka.connector.Connectors;
import cz.spojka.system.SpojkaProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: the hub's home page, which links everything a visitor can open and lists the datasets the visitor
 * may read ({@link GraphAccess}: the public ones, and an agency's grants).
 */
@RestController
class HomeController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final SpojkaProperties properties;
    private final Connectors connectors;
    private final GraphAccess access;

    HomeController(SpojkaProperties properties, Connectors connectors, GraphAccess access) {
        this.properties = properties;
        this.connectors = connectors;
        this.access = access;
    }

    @GetMapping("/")
    ResponseEntity<String> home(HttpServletRequest request) {
        Predicate<String> visible = access.visibleTo(Caller.of(request));
        return ResponseEntity.ok()
                .contentType(HTML)
                .body(HomePage.of(
                        properties.catalog(),
                        sparqlEndpoint(),
                        connectors.active().stream()
                                .filter(c -> visible.test(c.graphIri()))
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
