package cz.spojka.store;

import cz.spojka.changelog.ChangeEvents;
import java.nio.file.Path;

/** The hub's stores, as {@code StoreConfiguration} makes them, for tests outside this package. */
public final class TestStores {

    private TestStores() {}

    /** TDB2 in {@code dir}. */
    public static TdbEntityStore tdb2(Path dir, String baseIri) {
        return new TdbEntityStore(dir, baseIri + "graph/", new ProvenanceTriples(new ChangeEvents(baseIri)));
    }

    /** An external store with a SPARQL 1.1 query and update endpoint. */
    public static SparqlEntityStore sparql(String queryEndpoint, String updateEndpoint, String baseIri) {
        return new SparqlEntityStore(
                queryEndpoint, updateEndpoint, baseIri + "graph/", new ProvenanceTriples(new ChangeEvents(baseIri)));
    }
}
