package cz.spojka.access;

import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tenants} (role admin): the municipalities the hub serves. Create ({@code POST} with {@code ico},
 * {@code ruian}, {@code name}), list, read, and {@code POST /{ico}/disable} or {@code /enable}; disabling one
 * disables its agencies at their next request.
 */
@RestController
class TenantsController {

    static final String PATH = "/api/tenants";

    private final AccessRegistry registry;

    TenantsController(AccessRegistry registry) {
        this.registry = registry;
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.CREATED)
    Tenant create(@RequestBody AccessRequests.TenantRequest request) {
        return registry.addTenant(request.ico(), request.ruian(), request.name());
    }

    @GetMapping(PATH)
    List<Tenant> list() {
        return registry.tenants();
    }

    @GetMapping(PATH + "/{ico}")
    Tenant get(@PathVariable String ico) {
        return registry.tenant(ico).orElseThrow(() -> new NoSuchElementException("No tenant has the IČO " + ico));
    }

    @PostMapping(PATH + "/{ico}/disable")
    Tenant disable(@PathVariable String ico) {
        return registry.enableTenant(ico, false);
    }

    @PostMapping(PATH + "/{ico}/enable")
    Tenant enable(@PathVariable String ico) {
        return registry.enableTenant(ico, true);
    }
}
