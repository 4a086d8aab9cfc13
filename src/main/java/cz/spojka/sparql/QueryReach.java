package cz.spojka.sparql;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.text.assembler.TextVocab;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;

/**
 * What of the store a query reaches, as far as access control cares. TDB2's quad filter applies where TDB2's engine
 * matches quads: basic graph patterns, also inside {@code GRAPH}, {@code EXISTS} and sub-queries. Property paths,
 * property functions (GeoSPARQL's relations, list membership) and {@code DESCRIBE} read the store's graphs directly,
 * past the filter: such a query reads a filtered view instead. {@code text:query} is not among them: its hits are
 * checked by graph ({@link VisibleTextQuery}). {@code SERVICE} is refused outright.
 *
 * @param service the query calls another endpoint with {@code SERVICE}
 * @param pastQuadFilter the query reads the store past TDB2's quad filter
 */
record QueryReach(boolean service, boolean pastQuadFilter) {

    static final String NO_SERVICE = "SERVICE is not accepted: this endpoint does not query other endpoints (a"
            + " federated query could reach any address from the hub). Query the other endpoint yourself.";

    /** The reach of {@code query}, everywhere in it: sub-queries, {@code EXISTS} and {@code MINUS} included. */
    static QueryReach of(Query query) {
        if (query.getQueryPattern() == null) {
            return new QueryReach(false, query.isDescribeType());
        }
        PropertyFunctionRegistry functions = PropertyFunctionRegistry.get();
        List<Op> service = new ArrayList<>();
        List<Op> past = new ArrayList<>();
        // Optimized as the engines optimize it: a path of plain steps becomes triple patterns, and the property
        // functions become operators of their own.
        Walker.walk(
                Algebra.optimize(Algebra.compile(query)),
                new OpVisitorBase() {
                    @Override
                    public void visit(OpService op) {
                        service.add(op);
                    }

                    @Override
                    public void visit(OpPath op) {
                        past.add(op);
                    }

                    @Override
                    public void visit(OpPropFunc op) {
                        if (!op.getProperty().getURI().equals(TextVocab.pfQuery)) {
                            past.add(op);
                        }
                    }

                    @Override
                    public void visit(OpBGP op) {
                        op.getPattern().forEach(triple -> check(op, triple));
                    }

                    @Override
                    public void visit(OpTriple op) {
                        check(op, op.getTriple());
                    }

                    @Override
                    public void visit(OpQuadPattern op) {
                        op.getPattern().forEach(quad -> check(op, quad.asTriple()));
                    }

                    private void check(Op op, Triple triple) {
                        Node predicate = triple.getPredicate();
                        if (predicate.isURI()
                                && !predicate.getURI().equals(TextVocab.pfQuery)
                                && functions.manages(predicate.getURI())) {
                            past.add(op);
                        }
                    }
                },
                new ExprVisitorBase());
        return new QueryReach(!service.isEmpty(), query.isDescribeType() || !past.isEmpty());
    }
}
