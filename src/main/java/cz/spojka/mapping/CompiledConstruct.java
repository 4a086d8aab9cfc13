package cz.spojka.mapping;

import java.util.Iterator;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.Substitute;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterRoot;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.TemplateLib;

/**
 * A mapping's CONSTRUCT query compiled and optimised once, then run on each record's small graph with the
 * pre-bound variables substituted into the algebra, without the query engine's per-query set-up. Compiling per record cost about half of the mapping time.
 * Immutable and safe to use from several threads.
 */
final class CompiledConstruct {

    private final Op pattern;
    private final List<Triple> template;

    CompiledConstruct(Query construct) {
        this.pattern = Algebra.optimize(Algebra.compile(construct));
        this.template = construct.getConstructTemplate().getTriples();
    }

    /** The triples the template yields for every solution, with fresh blank nodes per solution as in SPARQL. */
    Graph apply(Graph source, Binding preBound) {
        Graph result = GraphFactory.createDefaultGraph();
        // Executed directly: Algebra.exec would hand the pattern to the query engine, which optimises it again for
        // every record (12% of the mapping time on the OFN sample, BENCHMARKS.md).
        ExecutionContext context = ExecutionContext.createForGraph(source);
        QueryIterator solutions =
                QC.execute(Substitute.substitute(pattern, preBound), QueryIterRoot.create(context), context);
        try {
            // The pre-bound values are substituted into the pattern; adding them back to each solution lets the
            // template use them too, as a query with those values bound would.
            Iterator<Binding> withPreBound =
                    Iter.map(solutions, s -> Binding.builder(preBound).addAll(s).build());
            TemplateLib.calcTriples(template, withPreBound).forEachRemaining(result::add);
        } finally {
            solutions.close();
        }
        return result;
    }
}
