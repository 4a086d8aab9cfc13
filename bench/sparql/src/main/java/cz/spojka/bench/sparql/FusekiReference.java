package cz.spojka.bench.sparql;

import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The reference side of the benchmark: a standalone Fuseki (jena-fuseki-main, Jetty) serving a copy of the hub's TDB2
 * store read-only at {@code /sparql}, set up as the hub sets up its own endpoint: the default graph is the union of the
 * named graphs, and queries are cancelled after the same timeout.
 *
 * <p>Usage: {@code FusekiReference <tdb2 dir> <port> <query timeout ms>}
 */
public final class FusekiReference {

    private FusekiReference() {}

    public static void main(String[] args) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Path.of(args[0]).toString());
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        dataset.getContext().set(ARQ.queryTimeout, Long.parseLong(args[2]));
        FusekiServer server = FusekiServer.create()
                .port(Integer.parseInt(args[1]))
                .loopback(true)
                .add("/sparql", dataset, false)
                .build();
        server.start();
        System.out.println("Fuseki reference listening on http://localhost:" + server.getHttpPort() + "/sparql");
        server.join();
    }
}
