package cz.spojka.sparql;

import cz.spojka.access.Caller;
import cz.spojka.access.GraphAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * SPARQL queries at {@code /sparql}: Fuseki's own protocol handling (GET, POST form, POST direct, the dataset given by
 * {@code default-graph-uri} and {@code named-graph-uri} taking precedence over FROM and FROM NAMED, the client's
 * {@code timeout} within the endpoint's own) over the named graphs the caller may read
 * ({@link CallerSecurityContext}), whose union is the default graph; never the stored default graph with the
 * materializer's offsets. A graph the caller may not read is, for it, a graph that does not exist: named in FROM or
 * {@code default-graph-uri} it is empty, and no {@code GRAPH ?g}, full-text hit or {@code DESCRIBE} shows it.
 * {@code SERVICE} is refused (400). The caller's role sets the timeout and the row limit ({@link QueryBudgets});
 * results larger than the row limit are refused ({@link RowLimitedQueryExec}).
 */
final class PublishedQueries extends SPARQL_QueryDataset {

    private static final List<String> STORED_DEFAULT_GRAPH =
            List.of(Quad.defaultGraphIRI.getURI(), Quad.defaultGraphNodeGenerated.getURI());

    private static final String NO_GRAPH = "urn:x-spojka:no-graph";

    private final GraphAccess access;
    private final QueryBudgets budgets;

    PublishedQueries(GraphAccess access, QueryBudgets budgets) {
        this.access = access;
        this.budgets = budgets;
    }

    private QueryBudgets.Budget budget(HttpAction action) {
        return budgets.of(Caller.of(action.getRequest()).role());
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        if (QueryReach.of(query).service()) {
            ServletOps.errorBadRequest(QueryReach.NO_SERVICE);
        }
        DatasetDescription described = SPARQLProtocol.getDatasetDescription(action, query);
        if (described == null) {
            return Pair.create(getDataset(action), query);
        }
        CallerSecurityContext caller = CallerSecurityContext.of(action, access);
        DatasetDescription visible = DatasetDescription.create(
                visibleOnly(described.getDefaultGraphURIs(), caller),
                visibleOnly(described.getNamedGraphURIs(), caller));
        DatasetGraph dataset = DynamicDatasets.dynamicDataset(visible, getDataset(action), false);
        Query withoutFrom = query.cloneQuery();
        withoutFrom.getGraphURIs().clear();
        withoutFrom.getNamedGraphURIs().clear();
        return Pair.create(dataset, withoutFrom);
    }

    /**
     * The graphs of a dataset description the caller may read: the union graph stands for the visible graphs, any
     * other graph it may not read (the stored default graph included) for a graph that does not exist.
     */
    private static List<String> visibleOnly(List<String> graphs, CallerSecurityContext caller) {
        return graphs.stream()
                .flatMap(graph -> {
                    if (graph.equals(Quad.unionGraph.getURI())) {
                        return caller.visibleGraphNames().stream();
                    }
                    boolean readable =
                            !STORED_DEFAULT_GRAPH.contains(graph) && caller.visible(NodeFactory.createURI(graph));
                    return Stream.of(readable ? graph : NO_GRAPH);
                })
                .toList();
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        QueryBudgets.Budget budget = budget(action);
        // The action's context is its own copy: the role's timeout is the bound a request's timeout= can only lower.
        action.getContext().set(ARQ.queryTimeout, budget.timeout().toMillis());
        CallerSecurityContext caller = CallerSecurityContext.of(action, access);
        // A dataset of FROM or the protocol's parameters holds only visible graphs already; the store itself is read
        // through TDB2's quad filter where that covers the whole query, else through a filtered view.
        boolean store = dataset == getDataset(action);
        boolean quadFilter = store && !QueryReach.of(query).pastQuadFilter();
        DatasetGraph target = store && !quadFilter ? caller.view(dataset) : dataset;
        QueryExec exec = super.createQueryExec(action, query, target);
        if (quadFilter) {
            caller.filterTDB(dataset, exec);
        }
        VisibleTextQuery.apply(exec.getContext(), caller.visibleIris());
        exec.getContext().set(ARQ.httpServiceAllowed, false);
        return new RowLimitedQueryExec(exec, budget.resultRows());
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        QueryBudgets.Budget budget = budget(action);
        try (QueryBudgets.Permit running = budget.admit(action.getResponse())) {
            super.execute(queryString, action);
        } catch (QueryCancelledException e) {
            ServletOps.error(HttpServletResponse.SC_SERVICE_UNAVAILABLE, budget.timedOut());
        }
    }
}
