package cz.spojka.store;

import java.util.function.Predicate;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.tdb2.store.NodeId;

/**
 * What the public may read of the store: its named graphs (the entities, the vocabulary, the reference data, the
 * catalogue), never the hub's own bookkeeping. That is the stored default graph of TDB2, where the materializer keeps
 * its offsets, the graph of offsets of an external store ({@link SparqlEntityStore}), and any graph named
 * {@code urn:x-spojka:…}. {@code access.GraphAccess}, the rule every channel reads through, builds on it.
 */
public final class PublishedGraphs {

    /** TDB2 keeps the stored default graph as triples and the named graphs as quads: only quads are published. */
    public static final Predicate<Tuple<NodeId>> NAMED_GRAPHS_ONLY = tuple -> tuple.len() == 4;

    /** The prefix of the hub's internal IRIs, which never name a published graph. */
    public static final String INTERNAL_PREFIX = "urn:x-spojka:";

    private final String offsetsGraph;

    /** @param baseIri {@code spojka.base-iri} */
    public PublishedGraphs(String baseIri) {
        this.offsetsGraph = SparqlEntityStore.offsetsGraph(baseIri + "graph/");
    }

    /** Whether {@code graphIri} is a graph the public may read. */
    public boolean published(String graphIri) {
        return !graphIri.startsWith(INTERNAL_PREFIX) && !graphIri.equals(offsetsGraph);
    }
}
