package cz.spojka.sparql;

import cz.spojka.access.GraphAccess;
import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Graph Store Protocol reads at {@code /sparql} ({@code GET} and {@code HEAD} with {@code ?graph=<iri>} or
 * {@code ?default}, every RDF format by content negotiation), of the graphs the caller may read
 * ({@link CallerSecurityContext#view}): a graph it may not read is answered 404 as a graph that does not exist, and
 * the default graph is what its queries see, the union of the graphs it may read (never the stored default graph
 * with the materializer's offsets). Writes are refused by {@link GSP_R} (405).
 */
final class PublishedGraphReads extends GSP_R {

    private final GraphAccess access;

    PublishedGraphReads(GraphAccess access) {
        this.access = access;
    }

    @Override
    protected DatasetGraph decideDataset(HttpAction action) {
        return CallerSecurityContext.of(action, access).view(action.getActiveDSG());
    }
}
