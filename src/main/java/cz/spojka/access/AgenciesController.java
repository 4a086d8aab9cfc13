package cz.spojka.access;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/agencies} (role admin): the agencies and their API keys.
 *
 * <ul>
 *   <li>{@code POST /api/agencies} with {@code id}, {@code name}, {@code role} (reader, operator, admin) and
 *       optionally {@code tenant} (an IČO); list, read, {@code POST /{id}/disable} or {@code /enable};
 *   <li>{@code POST /api/agencies/{id}/keys} with an optional {@code expiresAt}: a new key, whose secret the answer
 *       shows this once; {@code GET} lists the keys without secrets; {@code DELETE /{id}/keys/{keyId}} revokes one.
 * </ul>
 */
@RestController
class AgenciesController {

    static final String PATH = "/api/agencies";

    private final AccessRegistry registry;

    AgenciesController(AccessRegistry registry) {
        this.registry = registry;
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.CREATED)
    AccessViews.AgencyView create(@RequestBody AccessRequests.AgencyRequest request) {
        return AccessViews.agency(registry.addAgency(
                request.id(), request.name(), AccessRequests.role(request.role()), blankToNull(request.tenant())));
    }

    @GetMapping(PATH)
    List<AccessViews.AgencyView> list() {
        return registry.agencies().stream().map(AccessViews::agency).toList();
    }

    @GetMapping(PATH + "/{id}")
    AccessViews.AgencyView get(@PathVariable String id) {
        return AccessViews.agency(
                registry.agency(id).orElseThrow(() -> new NoSuchElementException("No agency has the id " + id)));
    }

    @PostMapping(PATH + "/{id}/disable")
    AccessViews.AgencyView disable(@PathVariable String id) {
        return AccessViews.agency(registry.enableAgency(id, false));
    }

    @PostMapping(PATH + "/{id}/enable")
    AccessViews.AgencyView enable(@PathVariable String id) {
        return AccessViews.agency(registry.enableAgency(id, true));
    }

    @PostMapping(PATH + "/{id}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    AccessViews.IssuedKeyView issueKey(
            @PathVariable String id, @RequestBody(required = false) AccessRequests.KeyRequest request) {
        Instant expiresAt = request == null ? null : AccessRequests.instant("expiresAt", request.expiresAt());
        return AccessViews.issued(registry.issueKey(id, expiresAt));
    }

    @GetMapping(PATH + "/{id}/keys")
    List<AccessViews.KeyView> keys(@PathVariable String id) {
        Instant now = registry.now();
        return registry.keys(id).stream().map(key -> AccessViews.key(key, now)).toList();
    }

    @DeleteMapping(PATH + "/{id}/keys/{keyId}")
    AccessViews.KeyView revokeKey(@PathVariable String id, @PathVariable String keyId) {
        return AccessViews.key(registry.revokeKey(id, keyId), registry.now());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
