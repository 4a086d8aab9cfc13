package cz.spojka.access;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants and agencies a configuration file ({@code spojka.access.seed-file}, the demo's {@code access/demo.yaml})
 * declares, created at start-up when they do not exist yet: an agency with its keys and grants, a tenant. One that
 * exists is left as the admin API has made it since, so a revoked demo key stays revoked across restarts. A created
 * agency's grants wait until the connectors are loaded ({@link SeededGrants}).
 *
 * @param tenants municipalities: {@code ico}, {@code ruian}, {@code name}
 * @param agencies agencies: {@code id}, {@code name}, {@code role}, optional {@code tenant}, {@code keys} (their
 *     secrets, stored hashed), {@code grants} ({@code dataset}, optional {@code municipality} and {@code expiresAt})
 */
record AccessSeed(List<AccessRequests.TenantRequest> tenants, List<SeedAgency> agencies) {

    private static final Logger log = LoggerFactory.getLogger(AccessSeed.class);

    record SeedAgency(String id, String name, String role, String tenant, List<String> keys, List<SeedGrant> grants) {}

    record SeedGrant(String dataset, String municipality, String expiresAt) {}

    AccessSeed {
        tenants = tenants == null ? List.of() : tenants;
        agencies = agencies == null ? List.of() : agencies;
    }

    static AccessSeed read(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), AccessSeed.class);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the access seed " + file.toAbsolutePath() + " (spojka.access.seed-file): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Creates the tenants and agencies (with their keys) the registry lacks; a problem with them stops the hub, naming
     * the file and the field. Returns the grants of the agencies created now.
     */
    SeededGrants applyTo(AccessRegistry registry, Path file) {
        List<SeededGrants.Entry> grants = new ArrayList<>();
        try {
            for (AccessRequests.TenantRequest tenant : tenants) {
                if (registry.tenant(tenant.ico()).isEmpty()) {
                    registry.addTenant(tenant.ico(), tenant.ruian(), tenant.name());
                    log.info("Tenant {} created from {}", tenant.ico(), file);
                }
            }
            for (SeedAgency agency : agencies) {
                if (registry.agency(agency.id()).isEmpty()) {
                    create(registry, agency);
                    log.info("Agency {} created from {}", agency.id(), file);
                    List<SeedGrant> declared = agency.grants() == null ? List.of() : agency.grants();
                    for (int i = 0; i < declared.size(); i++) {
                        grants.add(new SeededGrants.Entry(agency.id(), i, declared.get(i)));
                    }
                }
            }
        } catch (InvalidAccessChange | AccessConflict e) {
            throw new IllegalStateException(
                    "The access seed " + file.toAbsolutePath() + " (spojka.access.seed-file) is refused: "
                            + e.getMessage(),
                    e);
        }
        return new SeededGrants(file, grants);
    }

    private static void create(AccessRegistry registry, SeedAgency agency) {
        registry.addAgency(agency.id(), agency.name(), AccessRequests.role(agency.role()), agency.tenant());
        for (String key : agency.keys() == null ? List.<String>of() : agency.keys()) {
            registry.addKey(agency.id(), key, null);
        }
    }
}
