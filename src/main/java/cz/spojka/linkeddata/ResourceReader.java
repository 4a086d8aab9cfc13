package cz.spojka.linkeddata;

import cz.spojka.store.StoreReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads what a page shows from the graphs of the store one caller may read ({@link #visibleTo}), through the
 * {@link StoreReader}, so from TDB2 or an external store alike: whatever the caller may not read does not exist for
 * these queries. Every query names its graphs with {@code GRAPH ?g}, which never reaches the stored default graph.
 */
final class ResourceReader {

    /** Blank nodes nested deeper than this under a resource are not followed (the mappings nest two at most). */
    static final int BLANK_NODE_DEPTH = 4;

    /** The most triples a description holds; a resource with more is cut there (none of the hub's has as many). */
    static final int DESCRIPTION_LIMIT = 10_000;

    private final StoreReader store;
    private final Query describe;
    private final Query referencingCount;
    private final Query referencing;
    private final Query membersCount;
    private final Query members;
    private final Query graphExists;
    private final Query referencingGraphs;

    /** @param store the whole store: read only through {@link #visibleTo} */
    ResourceReader(StoreReader store) {
        this.store = store;
        this.describe = QueryFactory.create(
                "SELECT * WHERE { GRAPH ?g { ?s ?p0 ?o0 " + nested(1) + " } } LIMIT " + DESCRIPTION_LIMIT);
        String linking =
                "GRAPH ?g { { ?e ?p ?o } UNION { ?e ?q ?b . ?b ?p ?o FILTER(isBlank(?b)) } FILTER(isIRI(?e)) }";
        this.referencingCount = QueryFactory.create("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { " + linking + " }");
        this.referencing = QueryFactory.create("SELECT DISTINCT ?e WHERE { " + linking + " } ORDER BY ?e");
        String inGraph = "GRAPH ?g { ?e ?p ?o FILTER(isIRI(?e)) }";
        this.membersCount = QueryFactory.create("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { " + inGraph + " }");
        this.members = QueryFactory.create("SELECT DISTINCT ?e WHERE { " + inGraph + " } ORDER BY ?e");
        this.referencingGraphs = QueryFactory.create("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
        this.graphExists = QueryFactory.create("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1");
    }

    private ResourceReader(ResourceReader queries, StoreReader store) {
        this.store = store;
        this.describe = queries.describe;
        this.referencingCount = queries.referencingCount;
        this.referencing = queries.referencing;
        this.membersCount = queries.membersCount;
        this.members = queries.members;
        this.graphExists = queries.graphExists;
        this.referencingGraphs = queries.referencingGraphs;
    }

    /** This reader over the graphs {@code visible} accepts (a caller's, {@code GraphAccess.visibleTo}) only. */
    ResourceReader visibleTo(Predicate<String> visible) {
        return new ResourceReader(this, store.visibleTo(visible));
    }

    /** {@code OPTIONAL { ?o0 ?p1 ?o1 FILTER(isBlank(?o0)) OPTIONAL { … } }} down to {@link #BLANK_NODE_DEPTH}. */
    private static String nested(int level) {
        if (level > BLANK_NODE_DEPTH) {
            return "";
        }
        int up = level - 1;
        return "OPTIONAL { ?o" + up + " ?p" + level + " ?o" + level + " FILTER(isBlank(?o" + up + ")) "
                + nested(level + 1) + "}";
    }

    /**
     * The description of {@code iri}: its triples, and those of the blank nodes it leads to, in every graph this reader reads
     * (the same as SPARQL {@code DESCRIBE} in Jena, a blank-node closure), and the graphs they are in.
     */
    Description describe(String iri) {
        Node subject = NodeFactory.createURI(iri);
        Graph graph = GraphFactory.createDefaultGraph();
        Set<String> graphs = new TreeSet<>();
        store.select(describe, Map.of("s", subject), row -> {
            graphs.add(row.get("g").getURI());
            Node from = subject;
            for (int level = 0; level <= BLANK_NODE_DEPTH; level++) {
                Node p = row.get("p" + level);
                Node o = row.get("o" + level);
                if (p == null || o == null) {
                    break;
                }
                graph.add(Triple.create(from, p, o));
                from = o;
            }
        });
        return new Description(iri, graph, graphs);
    }

    /** Whether {@code iri} names a graph of the store this reader reads. */
    boolean isGraph(String iri) {
        boolean[] found = {false};
        store.select(graphExists, Map.of("g", NodeFactory.createURI(iri)), row -> found[0] = true);
        return found[0];
    }

    /** The graphs this reader reads in which something links to {@code iri}. */
    Set<String> referencingGraphs(String iri) {
        Set<String> graphs = new TreeSet<>();
        store.select(
                referencingGraphs,
                Map.of("o", NodeFactory.createURI(iri)),
                row -> graphs.add(row.get("g").getURI()));
        return graphs;
    }

    /** The entities that link to {@code iri} (themselves, or through a blank node of theirs), one page of them. */
    Listing referencing(String iri, Paging paging) {
        Node object = NodeFactory.createURI(iri);
        long total = count(referencingCount, Map.of("o", object));
        List<String> page = page(referencing, Map.of("o", object), paging);
        return new Listing(total, items(page, object));
    }

    /** The entities (IRIs with triples of their own) of the graph {@code graphIri}, one page of them. */
    Listing members(String graphIri, Paging paging) {
        Node graph = NodeFactory.createURI(graphIri);
        long total = count(membersCount, Map.of("g", graph));
        List<String> page = page(members, Map.of("g", graph), paging);
        return new Listing(total, items(page, null));
    }

    private long count(Query query, Map<String, Node> substitution) {
        long[] count = {0};
        store.select(
                query, substitution, row -> count[0] = ((Number) row.get("n").getLiteralValue()).longValue());
        return count[0];
    }

    private List<String> page(Query query, Map<String, Node> substitution, Paging paging) {
        Query onePage = query.cloneQuery();
        onePage.setOffset(paging.offset());
        onePage.setLimit(paging.size());
        List<String> iris = new ArrayList<>();
        store.select(onePage, substitution, row -> iris.add(row.get("e").getURI()));
        return iris;
    }

    /** The types, labels and (when {@code linkedTo} is given) the properties linking it of each entity. */
    private List<Listing.Item> items(List<String> iris, Node linkedTo) {
        if (iris.isEmpty()) {
            return List.of();
        }
        Map<String, Listing.Item> items = new LinkedHashMap<>();
        iris.forEach(iri -> items.put(iri, new Listing.Item(iri, new TreeSet<>(), new Labels(), new TreeSet<>())));
        String values = iris.stream()
                .map(i -> NodeFmtLib.strNT(NodeFactory.createURI(i)))
                .collect(Collectors.joining(" "));
        String linking = linkedTo == null
                ? ""
                : " UNION { ?e ?p " + NodeFmtLib.strNT(linkedTo) + " BIND(1 AS ?linking) }"
                        + " UNION { ?e ?q ?b . ?b ?p " + NodeFmtLib.strNT(linkedTo)
                        + " FILTER(isBlank(?b)) BIND(1 AS ?linking) }";
        String query = "SELECT ?e ?p ?o ?linking WHERE { VALUES ?e { " + values
                + " } GRAPH ?g { { ?e ?p ?o FILTER(?p IN (" + predicates() + ")) }" + linking + " } }";
        String type = RDF.type.getURI();
        store.select(QueryFactory.create(query), Map.of(), row -> {
            Listing.Item item = items.get(row.get("e").getURI());
            String predicate = row.get("p").getURI();
            if (row.contains("linking")) {
                item.via().add(predicate);
            } else if (predicate.equals(type)) {
                if (row.get("o").isURI()) {
                    item.types().add(row.get("o").getURI());
                }
            } else {
                item.labels().add(row.get("o"));
            }
        });
        return List.copyOf(items.values());
    }

    /** The labels the store gives each of {@code iris} (titles, names, preferred labels). */
    Map<String, Labels> labels(Collection<String> iris) {
        Map<String, Labels> labels = new LinkedHashMap<>();
        if (iris.isEmpty()) {
            return labels;
        }
        Set<String> distinct = new HashSet<>(iris);
        String values = distinct.stream()
                .map(i -> NodeFmtLib.strNT(NodeFactory.createURI(i)))
                .collect(Collectors.joining(" "));
        String query = "SELECT ?e ?o WHERE { VALUES ?e { " + values + " } GRAPH ?g { ?e ?p ?o FILTER(?p IN ("
                + labelPredicates() + ")) } }";
        store.select(
                QueryFactory.create(query),
                Map.of(),
                row -> labels.computeIfAbsent(row.get("e").getURI(), k -> new Labels())
                        .add(row.get("o")));
        return labels;
    }

    private static String predicates() {
        return NodeFmtLib.strNT(RDF.type.asNode()) + ", " + labelPredicates();
    }

    private static String labelPredicates() {
        return VocabularyLabels.LABEL_PREDICATES.stream().map(NodeFmtLib::strNT).collect(Collectors.joining(", "));
    }
}
