package cz.spojka.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextQueryPF;
import org.apache.jena.query.text.assembler.TextVocab;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingProject;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * {@code text:query} that finds only what the caller may read. Jena's full-text search answers from the Lucene index
 * alone: in the union default graph it returns the entities and literals of every graph, and no quad filter sees
 * them. Each hit keeps its graph in the index, so every hit is asked for its graph (a hidden fourth argument when the
 * query gives none) and dropped unless the caller may read that graph.
 */
final class VisibleTextQuery extends TextQueryPF {

    /** The predicate over graph IRIs of the query's caller, in the query's context. */
    static final Symbol VISIBLE_GRAPHS = Symbol.create("urn:x-spojka:visible-graphs");

    private static final String HIDDEN = "spojka.text.";

    /**
     * Makes {@code text:query} of queries run with {@code context} answer only from the graphs {@code visible}
     * accepts: a registry of property functions of their own, where {@code text:query} is this one.
     */
    static void apply(Context context, Predicate<String> visible) {
        PropertyFunctionRegistry registry =
                PropertyFunctionRegistry.createFrom(PropertyFunctionRegistry.chooseRegistry(context));
        registry.put(TextVocab.pfQuery, uri -> new VisibleTextQuery());
        PropertyFunctionRegistry.set(context, registry);
        context.set(VISIBLE_GRAPHS, visible);
    }

    @Override
    public QueryIterator exec(
            Binding binding, PropFuncArg argSubject, Node predicate, PropFuncArg argObject, ExecutionContext execCxt) {
        Predicate<String> visible = execCxt.getContext().get(VISIBLE_GRAPHS);
        List<Node> args = argSubject.isList() ? new ArrayList<>(argSubject.getArgList()) : new ArrayList<>();
        if (!argSubject.isList()) {
            args.add(argSubject.getArg());
        }
        List<Var> hidden = new ArrayList<>();
        while (args.size() < 4) {
            Var var = Var.alloc(HIDDEN + args.size());
            hidden.add(var);
            args.add(var);
        }
        Var graph = Var.alloc(args.get(3));
        QueryIterator hits = super.exec(binding, new PropFuncArg(args), predicate, argObject, execCxt);
        return QueryIterPlainWrapper.create(
                Iter.map(
                        Iter.filter(
                                hits,
                                hit -> hit.get(graph) != null
                                        && hit.get(graph).isURI()
                                        && visible.test(hit.get(graph).getURI())),
                        hit -> withoutHidden(hit, hidden)),
                execCxt);
    }

    private static Binding withoutHidden(Binding hit, List<Var> hidden) {
        List<Var> kept = new ArrayList<>();
        hit.vars().forEachRemaining(var -> {
            if (!hidden.contains(var)) {
                kept.add(var);
            }
        });
        return new BindingProject(kept, hit);
    }
}
