package cz.spojka.sparql;

import cz.spojka.access.Caller;
import cz.spojka.access.GraphAccess;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Iterator;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.GraphTarget;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Graph Store Protocol reads at {@code /sparql} ({@code GET} and {@code HEAD} with {@code ?graph=<iri>} or
 * {@code ?default}, every RDF format by content negotiation), of the graphs the caller may read
 * ({@link CallerSecurityContext#view}): a graph it may not read is answered 404 as a graph that does not exist, and
 * the default graph is what its queries see, the union of the graphs it may read (never the stored default graph
 * with the materializer's offsets). Writes are refused by {@link GSP_R} (405).
 *
 * <p>A read is a query of everything in a graph, and has the same budget as a query of the caller's role
 * ({@link QueryBudgets}): a permit of its concurrency, and at most its result rows in triples (quads for the whole
 * dataset). Those are counted before anything is written, within the role's timeout, so that a read over the limit is
 * answered 400 (or 503) with a message rather than cut off in the middle of a 200.
 */
final class PublishedGraphReads extends GSP_R {

    /** Items counted between two looks at the clock. */
    private static final int CLOCK_EVERY = 4096;

    private final GraphAccess access;
    private final QueryBudgets budgets;

    PublishedGraphReads(GraphAccess access, QueryBudgets budgets) {
        this.access = access;
        this.budgets = budgets;
    }

    @Override
    protected void doGet(HttpAction action) {
        try (QueryBudgets.Permit running = budget(action).admit(action.getResponse())) {
            super.doGet(action);
        }
    }

    @Override
    protected DatasetGraph decideDataset(HttpAction action) {
        DatasetGraph view = CallerSecurityContext.of(action, access).view(action.getActiveDSG());
        if (action.getRequestMethod().equals("GET")) {
            QueryBudgets.Budget budget = budget(action);
            if (isQuads(action)) {
                withinBudget(view.find(), budget, "quads");
            } else {
                GraphTarget target = GraphTarget.determineTargetGSP(view, action);
                if (target.exists()) {
                    withinBudget(target.graph().find(Node.ANY, Node.ANY, Node.ANY), budget, "triples");
                }
            }
        }
        return view;
    }

    private QueryBudgets.Budget budget(HttpAction action) {
        return budgets.of(Caller.of(action.getRequest()).role());
    }

    /** Counts up to one more than the role's result rows, refusing the read when there are more or time runs out. */
    private static void withinBudget(Iterator<?> items, QueryBudgets.Budget budget, String what) {
        long deadline = System.nanoTime() + budget.timeout().toNanos();
        long count = 0;
        try {
            while (items.hasNext()) {
                items.next();
                if (++count > budget.resultRows()) {
                    throw new ActionErrorException(
                            HttpServletResponse.SC_BAD_REQUEST, budget.graphTooLarge(what), null);
                }
                if (count % CLOCK_EVERY == 0 && System.nanoTime() > deadline) {
                    throw new ActionErrorException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, budget.timedOut(), null);
                }
            }
        } finally {
            Iter.close(items);
        }
    }
}
