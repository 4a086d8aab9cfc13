package cz.spojka.sparql;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;

/**
 * A query execution that refuses results larger than the endpoint's limit, before any of it is sent, so the client
 * gets a clear status and message instead of a response cut off in the middle. A SELECT whose own LIMIT is within the
 * limit streams as it is; any other SELECT is read ahead up to one row past the limit (which also means a timeout
 * in that part is still answered 503). CONSTRUCT and DESCRIBE results are built in memory by Fuseki anyway, and are
 * counted as they are built.
 */
record RowLimitedQueryExec(QueryExec query, int limit) implements QueryExec {

    @Override
    public RowSet select() {
        RowSet rows = query.select();
        Query parsed = query.getQuery();
        if (parsed != null && parsed.hasLimit() && parsed.getLimit() <= limit) {
            return rows;
        }
        List<Binding> readAhead = new ArrayList<>();
        while (rows.hasNext()) {
            readAhead.add(rows.next());
            if (readAhead.size() > limit) {
                throw refusal("rows");
            }
        }
        return RowSetStream.create(rows.getResultVars(), readAhead.iterator());
    }

    @Override
    public DatasetGraph constructDataset(DatasetGraph dataset) {
        addWithinLimit(query.constructQuads(), dataset::add);
        return dataset;
    }

    @Override
    public Graph construct(Graph graph) {
        addWithinLimit(query.constructTriples(), graph::add);
        return graph;
    }

    private <T> void addWithinLimit(Iterator<T> constructed, Consumer<T> into) {
        for (long produced = 1; constructed.hasNext(); produced++) {
            if (produced > limit) {
                throw refusal("triples");
            }
            into.accept(constructed.next());
        }
    }

    @Override
    public Graph describe(Graph graph) {
        query.describe(graph);
        if (graph.size() > limit) {
            throw refusal("triples");
        }
        return graph;
    }

    private ActionErrorException refusal(String items) {
        return new ActionErrorException(
                HttpServletResponse.SC_BAD_REQUEST,
                String.format(
                        "The result has more than %,d %s, the most this endpoint returns for one query. Page through it"
                                + " with ORDER BY, LIMIT and OFFSET, or narrow the query.",
                        limit, items),
                null);
    }

    @Override
    public Iterator<Triple> constructTriples() {
        return query.constructTriples();
    }

    @Override
    public Iterator<Quad> constructQuads() {
        return query.constructQuads();
    }

    @Override
    public Iterator<Triple> describeTriples() {
        return query.describeTriples();
    }

    @Override
    public boolean ask() {
        return query.ask();
    }

    @Override
    public JsonArray execJson() {
        return query.execJson();
    }

    @Override
    public Iterator<JsonObject> execJsonItems() {
        return query.execJsonItems();
    }

    @Override
    public DatasetGraph getDataset() {
        return query.getDataset();
    }

    @Override
    public Context getContext() {
        return query.getContext();
    }

    @Override
    public Query getQuery() {
        return query.getQuery();
    }

    @Override
    public String getQueryString() {
        return query.getQueryString();
    }

    @Override
    public void abort() {
        query.abort();
    }

    @Override
    public void close() {
        query.close();
    }

    @Override
    public boolean isClosed() {
        return query.isClosed();
    }
}
