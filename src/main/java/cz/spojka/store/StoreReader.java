package cz.spojka.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.SystemTDB;

/**
 * Reads the published data with SPARQL, from whichever store the change log is materialized into: the in-process
 * TDB2 dataset or an external store's query endpoint. Results are handed over as they are read, never collected, so
 * a reader of a large result holds only what it keeps itself.
 */
public final class StoreReader {

    /** Jena's value of {@link ARQ#queryTimeout} for "no timeout". */
    private static final String NO_TIMEOUT = "-1";

    private final Function<Query, QueryExecBuilder> executions;
    private final Consumer<Runnable> oneRead;
    private final Function<Predicate<String>, StoreReader> restricted;

    private StoreReader(
            Function<Query, QueryExecBuilder> executions,
            Consumer<Runnable> oneRead,
            Function<Predicate<String>, StoreReader> restricted) {
        this.executions = executions;
        this.oneRead = oneRead;
        this.restricted = restricted;
    }

    /**
     * Reads the TDB2 dataset, only its published part ({@link PublishedGraphs}: the stored default graph is never
     * read). Its queries are not cancelled after the SPARQL endpoint's timeout, which the endpoint
     * sets on the dataset: they are the hub's own, and streaming a large dataset takes as long as the client reads.
     */
    public static StoreReader of(DatasetGraph dataset) {
        return tdb(dataset, graph -> true);
    }

    /**
     * Reads only the named graphs {@code visible} accepts, through TDB2's quad filter ({@link VisibleQuads}, made
     * inside each read transaction, so that a compaction in between changes nothing).
     */
    private static StoreReader tdb(DatasetGraph dataset, Predicate<String> visible) {
        return new StoreReader(
                query -> QueryExec.dataset(dataset)
                        .query(query)
                        .set(ARQ.queryTimeout, NO_TIMEOUT)
                        .set(SystemTDB.symTupleFilter, VisibleQuads.of(dataset, visible)),
                reads -> Txn.executeRead(dataset, reads::run),
                narrower -> tdb(dataset, visible.and(narrower)));
    }

    /** Reads an external SPARQL 1.1 store through its query endpoint. */
    public static StoreReader of(String queryEndpoint) {
        return new StoreReader(
                query -> QueryExecHTTP.service(queryEndpoint).query(query),
                Runnable::run,
                visible -> external(queryEndpoint, visible));
    }

    /**
     * Reads only the named graphs {@code visible} accepts of an external store: its graphs are listed once, and each
     * query names the visible ones as its {@code FROM NAMED} dataset (the hub's own queries read inside
     * {@code GRAPH}), which any SPARQL 1.1 store applies.
     */
    private static StoreReader external(String queryEndpoint, Predicate<String> visible) {
        AtomicReference<List<String>> listed = new AtomicReference<>();
        return new StoreReader(
                query -> {
                    List<String> graphs =
                            listed.updateAndGet(known -> known != null ? known : visibleGraphs(queryEndpoint, visible));
                    Query inVisible = query.cloneQuery();
                    graphs.forEach(inVisible::addNamedGraphURI);
                    if (graphs.isEmpty()) {
                        inVisible.addNamedGraphURI(PublishedGraphs.INTERNAL_PREFIX + "no-graph");
                    }
                    return QueryExecHTTP.service(queryEndpoint).query(inVisible);
                },
                Runnable::run,
                narrower -> external(queryEndpoint, visible.and(narrower)));
    }

    private static List<String> visibleGraphs(String queryEndpoint, Predicate<String> visible) {
        List<String> graphs = new ArrayList<>();
        try (QueryExec exec = QueryExecHTTP.service(queryEndpoint)
                .query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
                .build()) {
            exec.select().forEachRemaining(row -> {
                Node graph = row.get("g");
                if (graph.isURI() && visible.test(graph.getURI())) {
                    graphs.add(graph.getURI());
                }
            });
        }
        return graphs;
    }

    /**
     * This reader restricted to the named graphs {@code visible} accepts (a caller's, {@code GraphAccess.visibleTo}):
     * what it may not read does not exist for the queries of the returned reader.
     */
    public StoreReader visibleTo(Predicate<String> visible) {
        return restricted.apply(visible);
    }

    /**
     * Runs {@code reads} as one read of the store. In TDB2 that is one read transaction, so every query inside sees
     * the same state however long the reads take; an external store offers no transaction across requests, so there
     * each query sees the state of its own moment.
     */
    public void inOneRead(Runnable reads) {
        oneRead.accept(reads);
    }

    /** Hands over each solution of {@code select} as it is read, with the variables of {@code substitution} bound. */
    public void select(Query select, Map<String, Node> substitution, Consumer<Binding> solutions) {
        inOneRead(() -> {
            try (QueryExec exec = build(select, substitution)) {
                exec.select().forEachRemaining(solutions);
            }
        });
    }

    /**
     * Hands over each triple of {@code construct} as it is read, with the variables of {@code substitution} bound.
     * A triple that several solutions produce may come more than once.
     */
    public void construct(Query construct, Map<String, Node> substitution, Consumer<Triple> triples) {
        inOneRead(() -> {
            try (QueryExec exec = build(construct, substitution)) {
                exec.constructTriples().forEachRemaining(triples);
            }
        });
    }

    private QueryExec build(Query query, Map<String, Node> substitution) {
        QueryExecBuilder builder = executions.apply(query);
        substitution.forEach(builder::substitution);
        return builder.build();
    }
}
