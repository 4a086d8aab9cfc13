package cz.spojka.sparql;

import cz.spojka.access.Caller;
import cz.spojka.store.PublishedGraphs;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.tdb2.sys.SystemTDB;

/**
 * SPARQL queries at {@code /sparql}: Fuseki's own protocol handling (GET, POST form, POST direct, the dataset given by
 * {@code default-graph-uri} and {@code named-graph-uri} taking precedence over FROM and FROM NAMED, the client's
 * {@code timeout} within the endpoint's own) over the published part of the store: the named graphs, whose union is
 * the default graph, never the stored default graph with the materializer's offsets. The caller's role sets the
 * timeout and the row limit ({@link QueryBudgets}); results larger than the row limit are refused
 * ({@link RowLimitedQueryExec}).
 */
final class PublishedQueries extends SPARQL_QueryDataset {

    private static final List<String> STORED_DEFAULT_GRAPH =
            List.of(Quad.defaultGraphIRI.getURI(), Quad.defaultGraphNodeGenerated.getURI());

    private static final String NO_GRAPH = "urn:x-spojka:no-graph";

    private final QueryBudgets budgets;

    PublishedQueries(QueryBudgets budgets) {
        this.budgets = budgets;
    }

    private QueryBudgets.Budget budget(HttpAction action) {
        return budgets.of(Caller.of(action.getRequest()).role());
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        DatasetDescription described = SPARQLProtocol.getDatasetDescription(action, query);
        if (described == null) {
            return Pair.create(getDataset(action), query);
        }
        // Naming the stored default graph in FROM or default-graph-uri would show it: it is read as a graph that
        // does not exist.
        described.getDefaultGraphURIs().replaceAll(PublishedQueries::unlessStoredDefault);
        described.getNamedGraphURIs().replaceAll(PublishedQueries::unlessStoredDefault);
        DatasetGraph dataset = DynamicDatasets.dynamicDataset(described, getDataset(action), false);
        Query withoutFrom = query.cloneQuery();
        withoutFrom.getGraphURIs().clear();
        withoutFrom.getNamedGraphURIs().clear();
        return Pair.create(dataset, withoutFrom);
    }

    private static String unlessStoredDefault(String graph) {
        return STORED_DEFAULT_GRAPH.contains(graph) ? NO_GRAPH : graph;
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        QueryBudgets.Budget budget = budget(action);
        // The action's context is its own copy: the role's timeout is the bound a request's timeout= can only lower.
        action.getContext().set(ARQ.queryTimeout, budget.timeout().toMillis());
        QueryExec exec = super.createQueryExec(action, query, dataset);
        // Read by TDB2 when the query runs on the store itself: GRAPH <urn:x-arq:DefaultGraph> finds nothing.
        exec.getContext().set(SystemTDB.symTupleFilter, PublishedGraphs.NAMED_GRAPHS_ONLY);
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
