package cz.spojka.sparql;

import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * Graph Store Protocol reads at {@code /sparql} ({@code GET} and {@code HEAD} with {@code ?graph=<iri>} or
 * {@code ?default}, every RDF format by content negotiation). The default graph is what queries see: the union of the
 * named graphs, so the stored default graph with the materializer's offsets is never read. Writes are refused by
 * {@link GSP_R} (405).
 */
final class PublishedGraphReads extends GSP_R {

    @Override
    protected DatasetGraph decideDataset(HttpAction action) {
        return new UnionAsDefault(action.getActiveDSG());
    }

    private static final class UnionAsDefault extends DatasetGraphWrapper {

        UnionAsDefault(DatasetGraph stored) {
            super(stored);
        }

        @Override
        public Graph getDefaultGraph() {
            return getUnionGraph();
        }

        @Override
        public Graph getGraph(Node graphNode) {
            return Quad.isDefaultGraph(graphNode) ? getUnionGraph() : super.getGraph(graphNode);
        }
    }
}
