package cz.spojka.store;

import cz.spojka.changelog.ChangeEvents;
import cz.spojka.changelog.CompactIris;
import java.nio.file.Path;
import java.util.Map;

/** The hub's stores, as {@code StoreConfiguration} makes them, for tests outside this package. */
public final class TestStores {

    private TestStores() {}

    /** TDB2 in {@code dir}. */
    public static TdbEntityStore tdb2(Path dir, String baseIri) {
        return new TdbEntityStore(dir.resolve("tdb2"), dir.resolve("text"), baseIri + "graph/", provenance(baseIri));
    }

    /** An external store with a SPARQL 1.1 query and update endpoint. */
    public static SparqlEntityStore sparql(String queryEndpoint, String updateEndpoint, String baseIri) {
        return new SparqlEntityStore(queryEndpoint, updateEndpoint, baseIri + "graph/", provenance(baseIri));
    }

    private static ProvenanceTriples provenance(String baseIri) {
        return new ProvenanceTriples(new ChangeEvents(baseIri, new CompactIris(Map.of()), Map.of()));
    }
}
