package cz.spojka.linkeddata;

import cz.spojka.access.Caller;
import cz.spojka.access.GraphAccess;
import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.Connectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.geosparql.implementation.vocabulary.Geo;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;

/**
 * Finds a resource in the store and gathers what its page shows: its description, the entities listed on the
 * requested page, the datasets it belongs to or is linked from, the labels of every IRI named, its points.
 */
final class ResourcePages {

    private final ResourceReader reader;
    private final VocabularyLabels vocabulary;
    private final Connectors connectors;
    private final GraphAccess access;
    private final PrefixMapping prefixes;
    private final PageContent.MapTiles tiles;
    private final int pageSize;

    ResourcePages(
            ResourceReader reader,
            VocabularyLabels vocabulary,
            Connectors connectors,
            GraphAccess access,
            PrefixMapping prefixes,
            PageContent.MapTiles tiles,
            int pageSize) {
        this.reader = reader;
        this.vocabulary = vocabulary;
        this.connectors = connectors;
        this.access = access;
        this.prefixes = prefixes;
        this.tiles = tiles;
        this.pageSize = pageSize;
    }

    /**
     * The pages as {@code caller} sees them: what it may not read ({@link GraphAccess}) does not exist for them, in
     * the description, the listings, the labels, the points and the datasets alike.
     */
    ResourcePages visibleTo(Caller caller) {
        return new ResourcePages(
                reader.visibleTo(access.visibleTo(caller)), vocabulary, connectors, access, prefixes, tiles, pageSize);
    }

    int pageSize() {
        return pageSize;
    }

    /**
     * A resource the store has data about, read for one page.
     *
     * @param graph whether the IRI names a graph, whose entities are then listed (else those linking to it)
     */
    record Found(Description description, Listing listing, boolean graph) {

        String iri() {
            return description.iri();
        }
    }

    /**
     * The first of {@code candidates} the store knows: as the subject of triples, as a published graph, or as the
     * object of a link. Empty for none.
     */
    Optional<Found> find(List<String> candidates, Paging paging) {
        for (String iri : candidates) {
            Description description = reader.describe(iri);
            if (reader.isGraph(iri)) {
                return Optional.of(new Found(description, reader.members(iri, paging), true));
            }
            Listing referencing = reader.referencing(iri, paging);
            if (!description.isEmpty() || referencing.total() > 0) {
                return Optional.of(new Found(description, referencing, false));
            }
        }
        return Optional.empty();
    }

    /** The RDF of a page: the description, and the listed entities of this page by dcterms:hasPart or isReferencedBy. */
    Graph rdf(Found found) {
        Graph rdf = GraphFactory.createDefaultGraph();
        rdf.getPrefixMapping().setNsPrefixes(prefixes);
        found.description().triples().find().forEachRemaining(rdf::add);
        Node iri = NodeFactory.createURI(found.iri());
        Node listed = found.graph() ? DCTerms.hasPart.asNode() : DCTerms.isReferencedBy.asNode();
        for (Listing.Item item : found.listing().items()) {
            rdf.add(Triple.create(iri, listed, NodeFactory.createURI(item.iri())));
        }
        return rdf;
    }

    PageContent content(Found found, Paging paging, String address, String root) {
        Set<String> graphs = new TreeSet<>(found.description().graphs());
        if (found.graph()) {
            graphs.add(found.iri());
        } else {
            graphs.addAll(reader.referencingGraphs(found.iri()));
        }
        List<PageContent.DatasetLink> datasets = new ArrayList<>();
        Map<String, Labels> labels = labels(found);
        for (String graph : graphs) {
            access.datasetGraph(graph).ifPresent(dataset -> {
                PageContent.DatasetLink link = datasetLink(dataset);
                datasets.add(link);
                if (graph.equals(found.iri())) {
                    Labels title = new Labels().add(NodeFactory.createLiteralLang(link.title(), "cs"));
                    titleEn(dataset).ifPresent(en -> title.add(NodeFactory.createLiteralLang(en, "en")));
                    labels.put(graph, title);
                }
            });
        }
        return new PageContent(
                found.iri(),
                found.description(),
                labels,
                found.listing(),
                found.graph(),
                paging,
                address,
                datasets,
                points(found.description()),
                tiles,
                root);
    }

    private PageContent.DatasetLink datasetLink(GraphAccess.DatasetGraph graph) {
        return dataset(graph)
                .map(d -> new PageContent.DatasetLink(
                        d.titleCs() + " – " + d.municipalityName(), d.municipalityName(), graph))
                .orElse(new PageContent.DatasetLink(graph.dataset(), graph.ico(), graph));
    }

    private Optional<String> titleEn(GraphAccess.DatasetGraph graph) {
        return dataset(graph)
                .filter(d -> d.titleEn() != null && !d.titleEn().isBlank())
                .map(d -> d.titleEn() + " – " + d.municipalityName());
    }

    private Optional<ConnectorDefinition.Dataset> dataset(GraphAccess.DatasetGraph graph) {
        return connectors.active().stream()
                .filter(active -> active.graphIri().equals(graph.iri()))
                .map(active -> active.definition().dataset())
                .findFirst();
    }

    /** The labels of every IRI the page names: from the store, else from the vocabulary. */
    private Map<String, Labels> labels(Found found) {
        Set<String> named = new LinkedHashSet<>();
        named.add(found.iri());
        found.description().triples().find().forEachRemaining(t -> {
            named.add(t.getPredicate().getURI());
            if (t.getObject().isURI()) {
                named.add(t.getObject().getURI());
            }
        });
        for (Listing.Item item : found.listing().items()) {
            named.addAll(item.types());
            named.addAll(item.via());
        }
        Map<String, Labels> labels = new LinkedHashMap<>(reader.labels(named));
        for (String iri : named) {
            if (!labels.containsKey(iri) && !vocabulary.of(iri).isEmpty()) {
                labels.put(iri, vocabulary.of(iri));
            }
        }
        return labels;
    }

    /** The points of the resource's geometries ({@code geo:hasGeometry}/{@code geo:asWKT}, WKT points). */
    static List<PageContent.Point> points(Description description) {
        List<PageContent.Point> points = new ArrayList<>();
        Graph triples = description.triples();
        triples.find(NodeFactory.createURI(description.iri()), Geo.HAS_GEOMETRY_NODE, Node.ANY)
                .forEachRemaining(geometry -> triples.find(geometry.getObject(), Geo.AS_WKT_NODE, Node.ANY)
                        .forEachRemaining(wkt -> WktPoint.parse(wkt.getObject().getLiteralLexicalForm())
                                .ifPresent(points::add)));
        return points;
    }
}
