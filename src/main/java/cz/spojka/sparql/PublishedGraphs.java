package cz.spojka.sparql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.apache.jena.fuseki.access.SecurityContext;
import org.apache.jena.fuseki.access.SecurityContextAllowNamedGraphs;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * What the public sees: every named graph, never the stored default graph (which holds the materializer's
 * offsets). Unlike Jena's {@link SecurityContextAllowNamedGraphs} it also lists the visible graphs, which Graph Store
 * Protocol reads need.
 */
final class PublishedGraphs implements SecurityContext {

    private final DatasetGraph dataset;
    private final SecurityContext namedGraphs = new SecurityContextAllowNamedGraphs();

    PublishedGraphs(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    @Override
    public Collection<Node> visibleGraphs() {
        return Txn.calculateRead(dataset, () -> {
            List<Node> graphs = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(graphs::add);
            return graphs;
        });
    }

    @Override
    public boolean visableDefaultGraph() {
        return false;
    }

    @Override
    public QueryExec createQueryExec(Query query, DatasetGraph dsg) {
        return namedGraphs.createQueryExec(query, dsg);
    }

    @Override
    public Predicate<Quad> predicateQuad() {
        return quad -> !quad.isDefaultGraph();
    }
}
