package cz.spojka.access;

import cz.spojka.connector.Connectors;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/grants} (role admin): which agency may read which restricted dataset, of one municipality or of all,
 * until when. Create ({@code POST} with {@code agency}, {@code dataset}, optional {@code municipality} and
 * {@code expiresAt}), list ({@code ?agency=}, {@code ?dataset=}), read, and {@code DELETE /{id}} to revoke.
 *
 * <p>Only a dataset a loaded connector declares {@code restricted} can be granted ({@link GrantableDatasets}), and an
 * agency's grant of the same dataset, municipality and expiry exists only once (409).
 */
@RestController
class GrantsController {

    static final String PATH = "/api/grants";

    private final AccessRegistry registry;
    private final GrantableDatasets grantable;

    GrantsController(AccessRegistry registry, Connectors connectors) {
        this.registry = registry;
        this.grantable = new GrantableDatasets(connectors);
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.CREATED)
    Grant create(@RequestBody AccessRequests.GrantRequest request) {
        grantable.require(request.dataset());
        String municipality =
                request.municipality() == null || request.municipality().isBlank() ? null : request.municipality();
        return registry.addGrant(
                request.agency(),
                request.dataset(),
                municipality,
                AccessRequests.instant("expiresAt", request.expiresAt()));
    }

    @GetMapping(PATH)
    List<Grant> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String dataset) {
        return registry.grants(agency, dataset);
    }

    @GetMapping(PATH + "/{id}")
    Grant get(@PathVariable String id) {
        return registry.grant(id).orElseThrow(() -> new NoSuchElementException("No grant has the id " + id));
    }

    @DeleteMapping(PATH + "/{id}")
    Grant revoke(@PathVariable String id) {
        return registry.revokeGrant(id);
    }
}
