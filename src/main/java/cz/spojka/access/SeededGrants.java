package cz.spojka.access;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grants of the agencies the access seed has just created, granted once the connectors are loaded: only then does
 * the hub know which datasets are {@code restricted} ({@link GrantableDatasets}). A grant the hub refuses is skipped
 * with a warning naming the seed file and the entry, and the hub runs on: a connector that failed to load (and so
 * left its dataset undeclared) must not stop a town hall's hub. The agency is created either way; the admin API
 * grants it what was skipped once the cause is fixed.
 *
 * @param file the seed file, named in the warnings
 */
record SeededGrants(Path file, List<Entry> entries) {

    private static final Logger log = LoggerFactory.getLogger(SeededGrants.class);

    static final SeededGrants NONE = new SeededGrants(Path.of(""), List.of());

    /**
     * @param agency the agency's id
     * @param index the grant's position in the agency's {@code grants}, from 0
     */
    record Entry(String agency, int index, AccessSeed.SeedGrant grant) {}

    SeededGrants {
        entries = List.copyOf(entries);
    }

    /** Grants each entry the admin API would grant; warns about and skips the others. */
    void grant(AccessRegistry registry, GrantableDatasets grantable) {
        for (Entry entry : entries) {
            AccessSeed.SeedGrant grant = entry.grant();
            try {
                grantable.require(grant.dataset());
                String municipality =
                        grant.municipality() == null || grant.municipality().isBlank() ? null : grant.municipality();
                registry.addGrant(
                        entry.agency(),
                        grant.dataset(),
                        municipality,
                        AccessRequests.instant("expiresAt", grant.expiresAt()));
                log.info("Agency {} granted {} from {}", entry.agency(), grant.dataset(), file);
            } catch (InvalidAccessChange | AccessConflict e) {
                log.warn(
                        "The access seed {} (spojka.access.seed-file): the grant agencies[id={}].grants[{}] (dataset {})"
                                + " is skipped: {}. Fix the cause and grant it with POST /api/grants; the seed does not"
                                + " grant it again, the agency exists now.",
                        file.toAbsolutePath(),
                        entry.agency(),
                        entry.index(),
                        grant.dataset(),
                        e.getMessage());
            }
        }
    }
}
