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
 * <p>Only a dataset a loaded connector declares {@code restricted} can be granted: a grant on a public dataset would
 * change nothing, and one on an internal dataset would not open it (only operators read internal data), so both are
 * refused rather than kept as a promise the hub does not keep.
 */
@RestController
class GrantsController {

    static final String PATH = "/api/grants";

    private final AccessRegistry registry;
    private final Connectors connectors;

    GrantsController(AccessRegistry registry, Connectors connectors) {
        this.registry = registry;
        this.connectors = connectors;
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.CREATED)
    Grant create(@RequestBody AccessRequests.GrantRequest request) {
        requireRestricted(request.dataset());
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

    private void requireRestricted(String dataset) {
        if (dataset == null || dataset.isBlank()) {
            throw new InvalidAccessChange("dataset", "is required");
        }
        DataClassification classification = connectors
                .classification(dataset)
                .orElseThrow(() -> new InvalidAccessChange(
                        "dataset",
                        "no loaded connector declares the dataset " + dataset + "; declared: " + declared()));
        switch (classification) {
            case PUBLIC ->
                throw new InvalidAccessChange(
                        "dataset", dataset + " is public: everyone reads it, so a grant would change nothing");
            case INTERNAL ->
                throw new InvalidAccessChange(
                        "dataset",
                        dataset + " is internal: only operators read it, whatever the grants; declare it"
                                + " dataset.classification: restricted in its connector.yaml to share it");
            case RESTRICTED -> {}
        }
    }

    private List<String> declared() {
        return connectors.active().stream()
                .map(active -> active.definition().dataset().id())
                .distinct()
                .sorted()
                .toList();
    }
}
