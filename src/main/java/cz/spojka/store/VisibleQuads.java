package cz.spojka.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * TDB2's quad filter ({@code SystemTDB.symTupleFilter}) for one reader: it keeps the quads of the named graphs whose
 * IRI {@code visible} accepts, and never the stored default graph ({@link PublishedGraphs#NAMED_GRAPHS_ONLY}). Each
 * graph is decided once, by its node id, so a query over millions of quads asks {@code visible} once per graph.
 */
public final class VisibleQuads implements Predicate<Tuple<NodeId>> {

    private final NodeTable nodes;
    private final Predicate<String> visible;
    private final Map<NodeId, Boolean> decided = new ConcurrentHashMap<>();

    private VisibleQuads(NodeTable nodes, Predicate<String> visible) {
        this.nodes = nodes;
        this.visible = visible;
    }

    /**
     * The filter for queries of {@code dataset} (a TDB2 dataset, possibly wrapped). Call inside a read transaction:
     * the node ids are those of the generation of the store that transaction reads.
     */
    public static VisibleQuads of(DatasetGraph dataset, Predicate<String> visible) {
        NodeTable nodes = TDBInternal.getDatasetGraphTDB(DatasetGraphWrapper.unwrap(dataset))
                .getQuadTable()
                .getNodeTupleTable()
                .getNodeTable();
        return new VisibleQuads(nodes, visible);
    }

    /** Whether {@code dataset} is stored in TDB2, so that its queries take this filter. */
    public static boolean applies(DatasetGraph dataset) {
        return TDBInternal.isBackedByTDB(DatasetGraphWrapper.unwrap(dataset));
    }

    @Override
    public boolean test(Tuple<NodeId> quad) {
        return PublishedGraphs.NAMED_GRAPHS_ONLY.test(quad) && decided.computeIfAbsent(quad.get(0), this::visible);
    }

    private boolean visible(NodeId graph) {
        Node node = nodes.getNodeForNodeId(graph);
        return node != null && node.isURI() && visible.test(node.getURI());
    }
}
