package cz.spojka.store;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    private final Supplier<QueryExecBuilder> executions;
    private final Consumer<Runnable> oneRead;

    private StoreReader(Supplier<QueryExecBuilder> executions, Consumer<Runnable> oneRead) {
        this.executions = executions;
        this.oneRead = oneRead;
    }

    /**
     * Reads the TDB2 dataset, only its published part ({@link PublishedGraphs}: the stored default graph is never
     * read). Its queries are not cancelled after the SPARQL endpoint's timeout, which the endpoint
     * sets on the dataset: they are the hub's own, and streaming a large dataset takes as long as the client reads.
     */
    public static StoreReader of(DatasetGraph dataset) {
        return new StoreReader(
                () -> QueryExec.dataset(dataset)
                        .set(ARQ.queryTimeout, NO_TIMEOUT)
                        .set(SystemTDB.symTupleFilter, PublishedGraphs.NAMED_GRAPHS_ONLY),
                reads -> Txn.executeRead(dataset, reads::run));
    }

    /** Reads an external SPARQL 1.1 store through its query endpoint. */
    public static StoreReader of(String queryEndpoint) {
        return new StoreReader(() -> QueryExecHTTP.service(queryEndpoint), Runnable::run);
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
        QueryExecBuilder builder = executions.get().query(query);
        substitution.forEach(builder::substitution);
        return builder.build();
    }
}
