package cz.spojka.linkeddata;

import cz.spojka.access.GraphAccess;
import cz.spojka.store.ProvenanceTriples;
import cz.spojka.system.PageFormat;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * A resource as one HTML page: its labels, types, properties and provenance, the datasets it belongs to, a map of its
 * points, and the entities that link to it (or, for a graph, those it holds), a page at a time. Headings are in Czech
 * and English; every text from the store is escaped. Scripts only for the map (Leaflet from the hub's webjar).
 */
final class ResourcePage {

    static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";

    private static final Collator CZECH = Collator.getInstance(Locale.forLanguageTag("cs"));
    private static final String TYPE = RDF.type.getURI();
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;line-height:1.5;max-width:64rem;margin:0 auto;padding:1rem;\
            color:#1b1b1b;background:#fff}
            a{color:#0645ad}a:focus{outline:2px solid #1b1b1b}
            code{font-size:.9em;word-break:break-all}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem;\
            border-top:1px solid #ddd}th{width:30%;font-weight:600}
            td table{margin:0}td table th{width:40%}
            .tag{color:#555;font-size:.85em}
            #map{height:22rem;margin:1rem 0;border:1px solid #bbb}
            nav.formats a,nav.site a{margin-right:.8rem}
            """;

    private final PageContent content;
    private final HubIris iris;
    private final StringBuilder html = new StringBuilder(32 * 1024);

    private ResourcePage(PageContent content, HubIris iris) {
        this.content = content;
        this.iris = iris;
    }

    static String render(PageContent content, HubIris iris) {
        return new ResourcePage(content, iris).page();
    }

    private String page() {
        Labels names = content.label(content.iri());
        String title = names.best(content.iri());
        html.append("<!DOCTYPE html>\n<html lang=\"cs\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(title))
                .append(" – Spojka</title>\n");
        for (PageFormat format : PageFormat.values()) {
            if (format.lang() != null) {
                html.append("<link rel=\"alternate\" type=\"")
                        .append(format.mediaType())
                        .append("\" href=\"")
                        .append(escape(formatLink(format)))
                        .append("\">\n");
            }
        }
        if (!content.points().isEmpty()) {
            html.append("<link rel=\"stylesheet\" href=\"")
                    .append(escape(content.root() + LEAFLET))
                    .append("leaflet.css\">\n");
        }
        html.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n");
        siteNavigation();
        html.append("<h1>").append(escape(title));
        if (names.english() != null) {
            html.append(" <span lang=\"en\">/ ").append(escape(names.english())).append("</span>");
        }
        html.append("</h1>\n<p><code>").append(escape(content.iri())).append("</code></p>\n");
        formats();
        html.append("</header>\n<main>\n");
        types();
        map();
        properties();
        datasets();
        listing();
        html.append("</main>\n");
        if (!content.points().isEmpty()) {
            html.append("<script src=\"")
                    .append(escape(content.root() + LEAFLET))
                    .append("leaflet.js\"></script>\n<script src=\"")
                    .append(escape(content.root()))
                    .append("/linked-data/map.js\"></script>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private void siteNavigation() {
        String root = escape(content.root());
        html.append("<nav class=\"site\" aria-label=\"Spojka\"><a href=\"")
                .append(root)
                .append("/vocab\">")
                .append(bilingual("Slovník", "Vocabulary"))
                .append("</a><a href=\"")
                .append(root)
                .append("/catalog\">")
                .append(bilingual("Katalog", "Catalogue"))
                .append("</a><a href=\"")
                .append(root)
                .append("/data\">")
                .append(bilingual("Ke stažení", "Downloads"))
                .append("</a><a href=\"")
                .append(root)
                .append("/sparql\">SPARQL</a></nav>\n");
    }

    private void formats() {
        html.append("<nav class=\"formats\" aria-label=\"Formáty / Formats\">")
                .append(bilingual("Strojově čitelně", "Machine-readable"))
                .append(":");
        for (PageFormat format : PageFormat.values()) {
            if (format.lang() != null) {
                html.append(" <a href=\"")
                        .append(escape(formatLink(format)))
                        .append("\" type=\"")
                        .append(format.mediaType())
                        .append("\">")
                        .append(format.lang().getLabel())
                        .append("</a>");
            }
        }
        html.append("</nav>\n");
    }

    private String formatLink(PageFormat format) {
        return withParameter(content.address(), "format=" + format.parameter());
    }

    private String pageLink(long page) {
        return page == 1 ? content.address() : withParameter(content.address(), "page=" + page);
    }

    private static String withParameter(String address, String parameter) {
        return address + (address.contains("?") ? "&" : "?") + parameter;
    }

    private void types() {
        List<String> types =
                content.description().triples().find(subject(), RDF.type.asNode(), Node.ANY).toList().stream()
                        .map(Triple::getObject)
                        .filter(Node::isURI)
                        .map(Node::getURI)
                        .sorted(byLabel())
                        .toList();
        if (types.isEmpty()) {
            return;
        }
        html.append("<p>").append(bilingual("Typ", "Type")).append(": ");
        html.append(types.stream().map(this::iriLink).collect(Collectors.joining(", ")));
        html.append("</p>\n");
    }

    private void map() {
        if (content.points().isEmpty()) {
            return;
        }
        String points = content.points().stream()
                .map(p -> "[" + p.latitude() + "," + p.longitude() + "]")
                .collect(Collectors.joining(",", "[", "]"));
        html.append("<section aria-labelledby=\"map-heading\">\n<h2 id=\"map-heading\">")
                .append(bilingual("Mapa", "Map"))
                .append("</h2>\n<div id=\"map\" data-points=\"")
                .append(escape(points))
                .append("\" data-tile-url=\"")
                .append(escape(content.tiles().url()))
                .append("\" data-tile-attribution=\"")
                .append(escape(content.tiles().attribution()))
                .append("\" data-outline=\"")
                .append(escape(content.root()))
                .append("/dashboard/czechia.geojson\"></div>\n</section>\n");
    }

    private void properties() {
        List<String> provenance = ProvenanceTriples.predicates();
        Map<String, List<Node>> own = values(subject(), p -> !p.equals(TYPE) && !provenance.contains(p));
        Map<String, List<Node>> prov = values(subject(), provenance::contains);
        if (!own.isEmpty()) {
            section("properties", "Vlastnosti", "Properties");
            table(own, 0);
            html.append("</section>\n");
        }
        if (!prov.isEmpty()) {
            section("provenance", "Původ", "Provenance");
            table(prov, 0);
            html.append("</section>\n");
        }
    }

    private Node subject() {
        return org.apache.jena.graph.NodeFactory.createURI(content.iri());
    }

    /** The values of {@code subject}'s properties that {@code predicates} keeps, by property, sorted by label. */
    private Map<String, List<Node>> values(Node subject, java.util.function.Predicate<String> predicates) {
        Map<String, List<Node>> values = new TreeMap<>(byLabel());
        content.description().triples().find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (predicates.test(t.getPredicate().getURI())) {
                values.computeIfAbsent(t.getPredicate().getURI(), k -> new java.util.ArrayList<>())
                        .add(t.getObject());
            }
        });
        values.values().forEach(v -> v.sort(Comparator.comparing(Node::toString)));
        return values;
    }

    private void table(Map<String, List<Node>> values, int depth) {
        html.append("<table>\n");
        values.forEach((predicate, objects) -> {
            html.append("<tr><th scope=\"row\">").append(iriLink(predicate)).append("</th><td>");
            html.append(objects.stream().map(o -> value(o, depth)).collect(Collectors.joining("<br>\n")));
            html.append("</td></tr>\n");
        });
        html.append("</table>\n");
    }

    private String value(Node value, int depth) {
        if (value.isURI()) {
            return iriLink(value.getURI());
        }
        if (value.isLiteral()) {
            String lang = value.getLiteralLanguage();
            if (!lang.isEmpty()) {
                return "<span lang=\"" + escape(lang) + "\">" + escape(value.getLiteralLexicalForm())
                        + "</span> <span class=\"tag\">@" + escape(lang) + "</span>";
            }
            String datatype = value.getLiteralDatatypeURI();
            String text = escape(value.getLiteralLexicalForm());
            return datatype == null || datatype.endsWith("#string")
                    ? text
                    : text + " <span class=\"tag\" title=\"" + escape(datatype) + "\">" + escape(localName(datatype))
                            + "</span>";
        }
        if (value.isBlank() && depth < ResourceReader.BLANK_NODE_DEPTH) {
            StringBuilder outer = html;
            int start = outer.length();
            table(values(value, p -> true), depth + 1);
            String nested = outer.substring(start);
            outer.setLength(start);
            return nested;
        }
        return "";
    }

    private void datasets() {
        if (content.datasets().isEmpty()) {
            return;
        }
        section("datasets", "Datové sady", "Datasets");
        html.append("<ul>\n");
        for (PageContent.DatasetLink dataset : content.datasets()) {
            GraphAccess.DatasetGraph graph = dataset.graph();
            html.append("<li><a href=\"")
                    .append(escape(content.root() + iris.page(graph.iri())))
                    .append("\">")
                    .append(escape(dataset.title()))
                    .append("</a> – ")
                    .append(escape(dataset.municipality()))
                    .append(" (")
                    .append(bilingual("IČO", "company ID"))
                    .append(" ")
                    .append(escape(graph.ico()))
                    .append("): <a href=\"")
                    .append(escape(content.root() + "/catalog/datasets/" + graph.dataset() + "/" + graph.ico()))
                    .append("\">")
                    .append(bilingual("záznam v katalogu", "catalogue record"))
                    .append("</a>, <a href=\"")
                    .append(escape(content.root()))
                    .append("/data\">")
                    .append(bilingual("ke stažení", "downloads"))
                    .append("</a></li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private void listing() {
        Listing listing = content.listing();
        if (content.listingOfGraph()) {
            section("entities", "Entity", "Entities");
        } else if (listing.total() > 0) {
            section("referenced-by", "Odkazují sem", "Referenced by");
        } else {
            return;
        }
        Paging paging = content.paging();
        long last = paging.lastPage(listing.total());
        html.append("<p>")
                .append(bilingual("Celkem", "Total"))
                .append(": <span id=\"total\">")
                .append(listing.total())
                .append("</span>; ")
                .append(bilingual("strana", "page"))
                .append(" ")
                .append(paging.page())
                .append(" / ")
                .append(last)
                .append("</p>\n");
        html.append("<ol id=\"items\" start=\"").append(paging.offset() + 1).append("\">\n");
        for (Listing.Item item : listing.items()) {
            html.append("<li>").append(link(item.iri(), item.labels().best(item.iri())));
            if (!item.types().isEmpty()) {
                html.append(" <span class=\"tag\">")
                        .append(item.types().stream()
                                .sorted(byLabel())
                                .map(t -> escape(content.label(t).best(localName(t))))
                                .collect(Collectors.joining(", ")))
                        .append("</span>");
            }
            if (!item.via().isEmpty()) {
                html.append(" – ")
                        .append(item.via().stream()
                                .sorted(byLabel())
                                .map(this::iriLink)
                                .collect(Collectors.joining(", ")));
            }
            html.append("</li>\n");
        }
        html.append("</ol>\n");
        html.append("<nav class=\"paging\" aria-label=\"Stránky / Pages\">");
        if (paging.page() > 1) {
            html.append("<a rel=\"prev\" href=\"")
                    .append(escape(pageLink(Math.min(paging.page() - 1, last))))
                    .append("\">← ")
                    .append(bilingual("předchozí", "previous"))
                    .append("</a> ");
        }
        if (paging.page() < last) {
            html.append("<a rel=\"next\" href=\"")
                    .append(escape(pageLink(paging.page() + 1)))
                    .append("\">")
                    .append(bilingual("další", "next"))
                    .append(" →</a>");
        }
        html.append("</nav>\n</section>\n");
    }

    private void section(String id, String cs, String en) {
        html.append("<section id=\"")
                .append(id)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-heading\">\n<h2 id=\"")
                .append(id)
                .append("-heading\">")
                .append(bilingual(cs, en))
                .append("</h2>\n");
    }

    /** A link to an IRI's page, named by its label (its English one after it), the IRI as the link's title. */
    private String iriLink(String iri) {
        Labels labels = content.label(iri);
        String text = escape(labels.best(iri));
        if (labels.english() != null) {
            text += " <span lang=\"en\">/ " + escape(labels.english()) + "</span>";
        }
        return "<a href=\"" + escape(content.root() + iris.page(iri)) + "\" title=\"" + escape(iri) + "\">" + text
                + "</a>";
    }

    private String link(String iri, String text) {
        return "<a href=\"" + escape(content.root() + iris.page(iri)) + "\">" + escape(text) + "</a>";
    }

    private Comparator<String> byLabel() {
        return Comparator.comparing((String iri) -> content.label(iri).best(iri), CZECH)
                .thenComparing(Comparator.naturalOrder());
    }

    private static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    /** A Czech text followed by its English one, marked as English: the page's own, safe, texts. */
    private static String bilingual(String cs, String en) {
        return cs + " <span lang=\"en\">/ " + en + "</span>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
