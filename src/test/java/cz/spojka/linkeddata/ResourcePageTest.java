package cz.spojka.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

class ResourcePageTest {

    private static final String BASE = "https://spojka.test/";
    private static final String ENTITY = BASE + "zdroj/podnety/00270211/podnet/1";
    private static final String OTHER = BASE + "zdroj/podnety/00270211/podnet/2";
    private static final String OUTSIDE = "https://example.org/a&b";
    private static final HubIris IRIS = new HubIris(BASE);

    @Test
    void escapesEveryTextFromTheStore() {
        Graph triples = GraphFactory.createDefaultGraph();
        Node entity = NodeFactory.createURI(ENTITY);
        triples.add(entity, DCTerms.title.asNode(), NodeFactory.createLiteralLang("<script>alert(1)</script>", "cs"));
        triples.add(entity, DCTerms.description.asNode(), NodeFactory.createLiteralString("\"quoted\" & 'single'"));
        Map<String, Labels> labels =
                Map.of(ENTITY, new Labels().add(NodeFactory.createLiteralLang("<script>alert(1)</script>", "cs")));

        String html = render(triples, labels, Listing.NONE, false);

        assertThat(html).doesNotContain("<script>alert");
        assertThat(html)
                .contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; – Spojka</title>")
                .contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>")
                .contains(
                        "<span lang=\"cs\">&lt;script&gt;alert(1)&lt;/script&gt;</span> <span class=\"tag\">@cs</span>")
                .contains("&quot;quoted&quot; &amp; &#39;single&#39;");
    }

    @Test
    void linksHubIrisToTheirPagesAndOthersToResource() {
        Graph triples = GraphFactory.createDefaultGraph();
        Node entity = NodeFactory.createURI(ENTITY);
        triples.add(entity, DCTerms.relation.asNode(), NodeFactory.createURI(OTHER));
        triples.add(entity, DCTerms.spatial.asNode(), NodeFactory.createURI(OUTSIDE));
        Map<String, Labels> labels = Map.of(
                DCTerms.spatial.getURI(),
                new Labels()
                        .add(NodeFactory.createLiteralLang("prostorové pokrytí", "cs"))
                        .add(NodeFactory.createLiteralLang("spatial coverage", "en")));

        String html = render(triples, labels, Listing.NONE, false);

        assertThat(html)
                .contains("<a href=\"/zdroj/podnety/00270211/podnet/2\" title=\"" + OTHER + "\">" + OTHER + "</a>")
                .contains(
                        "<a href=\"/resource?iri=https%3A%2F%2Fexample.org%2Fa%26b\" title=\"https://example.org/a&amp;b\">")
                .contains(">prostorové pokrytí <span lang=\"en\">/ spatial coverage</span></a>")
                .doesNotContain("id=\"map\"")
                .doesNotContain("leaflet");
    }

    @Test
    void nestsBlankNodesAndDrawsAMapOfTheirPoint() {
        Graph triples = GraphFactory.createDefaultGraph();
        Node entity = NodeFactory.createURI(ENTITY);
        Node point = NodeFactory.createBlankNode();
        triples.add(entity, NodeFactory.createURI("http://www.opengis.net/ont/geosparql#hasGeometry"), point);
        triples.add(
                point,
                NodeFactory.createURI("http://www.opengis.net/ont/geosparql#asWKT"),
                NodeFactory.createLiteralDT(
                        "POINT(15.795158 49.949824)",
                        org.apache.jena.datatypes.TypeMapper.getInstance()
                                .getSafeTypeByName("http://www.opengis.net/ont/geosparql#wktLiteral")));

        Description description = new Description(ENTITY, triples, Set.of());
        String html = ResourcePage.render(
                content(description, Map.of(), Listing.NONE, false, ResourcePages.points(description)), IRIS);

        assertThat(html)
                .contains("<td><table>\n<tr><th scope=\"row\">")
                .contains("POINT(15.795158 49.949824) <span class=\"tag\"")
                .contains("<div id=\"map\" data-points=\"[[49.949824,15.795158]]\"")
                .contains("<script src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"></script>");
    }

    @Test
    void listsOnePageWithLinksToTheNeighbours() {
        Graph triples = GraphFactory.createDefaultGraph();
        triples.add(NodeFactory.createURI(ENTITY), RDF.type.asNode(), NodeFactory.createURI(OUTSIDE));
        Listing listing = new Listing(
                12,
                List.of(new Listing.Item(
                        OTHER,
                        Set.of(),
                        new Labels().add(NodeFactory.createLiteralLang("Podnět <2>", "cs")),
                        Set.of(DCTerms.relation.getURI()))));

        String html = ResourcePage.render(
                new PageContent(
                        ENTITY,
                        new Description(ENTITY, triples, Set.of()),
                        Map.of(),
                        listing,
                        false,
                        new Paging(2, 5),
                        "/resource?iri=x",
                        List.of(),
                        List.of(),
                        new PageContent.MapTiles("", ""),
                        ""),
                IRIS);

        assertThat(html)
                .contains("<span id=\"total\">12</span>; strana <span lang=\"en\">/ page</span> 2 / 3")
                .contains("<ol id=\"items\" start=\"6\">")
                .contains("<a href=\"/zdroj/podnety/00270211/podnet/2\">Podnět &lt;2&gt;</a>")
                .contains("<a rel=\"prev\" href=\"/resource?iri=x\">")
                .contains("<a rel=\"next\" href=\"/resource?iri=x&amp;page=3\">")
                .contains("href=\"/resource?iri=x&amp;format=ttl\"");
    }

    private static String render(Graph triples, Map<String, Labels> labels, Listing listing, boolean graph) {
        return ResourcePage.render(
                content(new Description(ENTITY, triples, Set.of()), labels, listing, graph, List.of()), IRIS);
    }

    private static PageContent content(
            Description description,
            Map<String, Labels> labels,
            Listing listing,
            boolean graph,
            List<PageContent.Point> points) {
        return new PageContent(
                description.iri(),
                description,
                labels,
                listing,
                graph,
                new Paging(1, 50),
                "/zdroj/podnety/00270211/podnet/1",
                List.of(),
                points,
                new PageContent.MapTiles("", ""),
                "");
    }
}
