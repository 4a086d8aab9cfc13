package cz.spojka.sparql;

import cz.spojka.access.Caller;
import cz.spojka.access.GraphAccess;
import cz.spojka.store.VisibleQuads;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.access.SecurityContext;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFilteredView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.G;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * Jena's access control for the request's caller ({@link Caller#of}): the named graphs {@link GraphAccess} lets it
 * read, decided once per graph for the request. Queries on the TDB2 store read through TDB2's quad filter
 * ({@link #filterTDB}, {@link VisibleQuads}); whatever reads the store past that filter (Graph Store reads,
 * {@code DESCRIBE}, property paths, property functions: {@link QueryReach}) reads a filtered view of it
 * ({@link #view}), whose default graph is the union of the visible graphs. The stored default graph, with the hub's
 * bookkeeping, is visible to nobody.
 */
final class CallerSecurityContext implements SecurityContext {

    private static final String ATTRIBUTE = CallerSecurityContext.class.getName();

    private final Predicate<String> visible;
    private final Collection<Node> visibleGraphs;

    private CallerSecurityContext(Predicate<String> visible, DatasetGraph dataset) {
        this.visible = visible;
        this.visibleGraphs = new VisibleGraphNames(dataset, this::visible);
    }

    /** The security context of the action's caller, made once per request. */
    static CallerSecurityContext of(HttpAction action, GraphAccess access) {
        Object known = action.getRequest().getAttribute(ATTRIBUTE);
        if (known instanceof CallerSecurityContext context) {
            return context;
        }
        CallerSecurityContext context =
                new CallerSecurityContext(access.visibleTo(Caller.of(action.getRequest())), action.getActiveDSG());
        action.getRequest().setAttribute(ATTRIBUTE, context);
        return context;
    }

    /** Whether the caller may read the graph named {@code graph}. */
    boolean visible(Node graph) {
        return graph.isURI()
                && !Quad.isDefaultGraph(graph)
                && !Quad.isUnionGraph(graph)
                && visible.test(graph.getURI());
    }

    Predicate<String> visibleIris() {
        return visible;
    }

    @Override
    public Collection<Node> visibleGraphs() {
        return visibleGraphs;
    }

    @Override
    public boolean visableDefaultGraph() {
        return false;
    }

    @Override
    public Predicate<Quad> predicateQuad() {
        return quad -> visible(quad.getGraph());
    }

    @Override
    public QueryExec createQueryExec(Query query, DatasetGraph dataset) {
        if (VisibleQuads.applies(dataset) && !QueryReach.of(query).pastQuadFilter()) {
            QueryExec exec = QueryExec.dataset(dataset).query(query).build();
            filterTDB(dataset, exec);
            return exec;
        }
        return QueryExec.dataset(view(dataset)).query(query).build();
    }

    @Override
    public void filterTDB(DatasetGraph dataset, QueryExec exec) {
        exec.getContext().set(SystemTDB.symTupleFilter, VisibleQuads.of(dataset, visible));
    }

    /** {@code dataset} as the caller may see it: its visible named graphs, and their union as the default graph. */
    DatasetGraph view(DatasetGraph dataset) {
        return new UnionOfVisible(dataset, predicateQuad(), visibleGraphs);
    }

    /** A filtered view whose default graph is the union of what it shows, as the endpoint's default graph is. */
    private static final class UnionOfVisible extends DatasetGraphFilteredView {

        UnionOfVisible(DatasetGraph dataset, Predicate<Quad> filter, Collection<Node> visibleGraphs) {
            super(dataset, filter, visibleGraphs);
        }

        @Override
        public Graph getDefaultGraph() {
            return getUnionGraph();
        }

        @Override
        public Graph getGraph(Node graphNode) {
            return Quad.isDefaultGraph(graphNode) ? getUnionGraph() : super.getGraph(graphNode);
        }

        @Override
        public Graph getUnionGraph() {
            return new VisibleUnion(this);
        }
    }

    /**
     * The union of a view's named graphs, read through its filtered {@code findNG}: one pass over the store's quads
     * (not one per visible graph), each quad with the name of its own graph, so that the filter can decide it. (A
     * union read by the graph name {@code urn:x-arq:UnionGraph} would hand the filter that name instead.)
     */
    private static final class VisibleUnion extends GraphBase {

        private final DatasetGraph view;

        VisibleUnion(DatasetGraph view) {
            this.view = view;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            Iterator<Triple> triples = G.quads2triples(view.findNG(
                    Node.ANY, pattern.getMatchSubject(), pattern.getMatchPredicate(), pattern.getMatchObject()));
            return WrappedIterator.createNoRemove(Iter.distinct(triples));
        }
    }

    /** The names of the visible graphs of a dataset, listed when first asked (most requests never ask). */
    private static final class VisibleGraphNames extends AbstractCollection<Node> {

        private final DatasetGraph dataset;
        private final Predicate<Node> visible;
        private List<Node> names;

        VisibleGraphNames(DatasetGraph dataset, Predicate<Node> visible) {
            this.dataset = dataset;
            this.visible = visible;
        }

        private synchronized List<Node> names() {
            if (names == null) {
                names = Iter.toList(Iter.filter(dataset.listGraphNodes(), visible));
            }
            return names;
        }

        @Override
        public Iterator<Node> iterator() {
            return names().iterator();
        }

        @Override
        public int size() {
            return names().size();
        }
    }
}
