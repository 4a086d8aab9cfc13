package cz.spojka.vocab;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The vocabulary as one plain HTML page: no scripts, no external style sheets, fonts or images. Headings and labels
 * are in Czech and English ({@code lang} set on each), every term, shape and dataset has an anchor (its IRI, or
 * {@code dataset-<id>}) and links to its IRI.
 */
final class VocabularyPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;\
            color:#1b1b1b;background:#fff}
            a{color:#0645ad}a:focus{outline:2px solid #1b1b1b}
            code{font-size:.9em;word-break:break-all}
            article{border-top:1px solid #bbb;padding:.5rem 0}
            dt{font-weight:bold}dd{margin-left:1.5rem}
            """;

    private final VocabularyCatalogue catalogue;
    private final Map<String, String> labels = new HashMap<>();
    private final StringBuilder html = new StringBuilder(256 * 1024);

    private VocabularyPage(VocabularyCatalogue catalogue) {
        this.catalogue = catalogue;
        for (List<VocabularyCatalogue.Term> terms : List.of(catalogue.classes(), catalogue.properties())) {
            terms.forEach(t -> labels.put(t.iri(), t.labels().sortKey(t.iri())));
        }
    }

    static String render(VocabularyCatalogue catalogue) {
        return new VocabularyPage(catalogue).page();
    }

    private String page() {
        html.append("<!DOCTYPE html>\n<html lang=\"cs\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Slovník Spojky – Spojka vocabulary</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<header>\n");
        html.append("<h1>Slovník Spojky <span lang=\"en\">/ Spojka vocabulary</span></h1>\n")
                .append("<p>Třídy a vlastnosti, kterými Spojka publikuje data obcí, tvary SHACL, které je kontrolují,")
                .append(" číselníky a datové sady, které je používají.")
                .append(" <span lang=\"en\">The classes and properties Spojka publishes the municipalities' data with,")
                .append(" the SHACL shapes that check them, the codelists and the datasets that use them.</span></p>\n")
                .append("<p>Strojově čitelně <span lang=\"en\">/ machine-readable</span>:")
                .append(" <a href=\"?format=turtle\">Turtle</a>, <a href=\"?format=jsonld\">JSON-LD</a>;")
                .append(" dotazy <span lang=\"en\">/ queries</span>: <a href=\"sparql\">SPARQL</a>.</p>\n");
        contents();
        html.append("</header>\n<main>\n");
        terms("classes", "Třídy", "Classes", catalogue.classes());
        terms("properties", "Vlastnosti", "Properties", catalogue.properties());
        shapes();
        codelists();
        datasets();
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private void contents() {
        html.append("<nav aria-label=\"Obsah / Contents\">\n<ul>\n");
        contentsItem("classes", "Třídy", "Classes", catalogue.classes().size());
        contentsItem(
                "properties", "Vlastnosti", "Properties", catalogue.properties().size());
        contentsItem("shapes", "Tvary SHACL", "SHACL shapes", catalogue.shapes().size());
        contentsItem(
                "codelists", "Číselníky", "Codelists", catalogue.codelists().size());
        contentsItem("datasets", "Datové sady", "Datasets", catalogue.datasets().size());
        html.append("</ul>\n</nav>\n");
    }

    private void contentsItem(String id, String cs, String en, int count) {
        html.append("<li><a href=\"#")
                .append(id)
                .append("\">")
                .append(bilingual(cs, en))
                .append("</a> (");
        html.append(count).append(")</li>\n");
    }

    private void section(String id, String cs, String en) {
        html.append("<section id=\"")
                .append(id)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-heading\">\n");
        html.append("<h2 id=\"")
                .append(id)
                .append("-heading\">")
                .append(bilingual(cs, en))
                .append("</h2>\n");
    }

    private void terms(String id, String cs, String en, List<VocabularyCatalogue.Term> terms) {
        section(id, cs, en);
        for (VocabularyCatalogue.Term term : terms) {
            entry(term.iri(), term.labels(), "Definice", "Definition", term.definitions());
            texts("Použití ve Spojce", "Use in Spojka", term.scopeNotes());
            definition("Popsáno v souborech", "Described in", "vocab/ontology: " + String.join(", ", term.files()));
            definition("Tvary SHACL", "SHACL shapes", shapeUses(term.shapes()));
            definition(
                    "Datové sady",
                    "Datasets",
                    term.datasets().stream()
                            .map(d -> link("#" + d.anchor(), d.titles().sortKey(d.id())) + " (" + escape(d.id()) + ")")
                            .collect(Collectors.joining(", ")));
            html.append("</dl>\n</article>\n");
        }
        html.append("</section>\n");
    }

    private String shapeUses(List<ShapeIndex.Use> uses) {
        return uses.stream()
                .map(use -> {
                    String shape = link(
                            fragment(use.shape().iri()),
                            use.shape().names().sortKey(use.shape().iri()));
                    String how = use.targets() ? " – " + bilingual("cíl", "target") : "";
                    String rules = use.rules().stream()
                            .map(r -> escape(r.names().sortKey(r.iri() == null ? "" : r.iri())))
                            .collect(Collectors.joining("; "));
                    return shape + how + (rules.isEmpty() ? "" : " – " + bilingual("pravidla", "rules") + ": " + rules);
                })
                .collect(Collectors.joining("<br>\n"));
    }

    private void shapes() {
        section("shapes", "Tvary SHACL", "SHACL shapes");
        for (ShapeIndex.Shape shape : catalogue.shapes()) {
            entry(shape.iri(), shape.names(), "Popis", "Description", shape.descriptions());
            definition("Cíl", "Targets", termLinks(shape.targets()));
            definition("Třída hodnot", "Value class", termLinks(shape.constrains()));
            definition(
                    "Pravidla",
                    "Rules",
                    shape.rules().stream()
                            .map(r -> escape(r.names().sortKey("")) + ": " + termLinks(r.terms()))
                            .collect(Collectors.joining("<br>\n")));
            html.append("</dl>\n</article>\n");
        }
        html.append("</section>\n");
    }

    private void codelists() {
        section("codelists", "Číselníky", "Codelists");
        for (VocabularyCatalogue.Codelist codelist : catalogue.codelists()) {
            entry(codelist.iri(), codelist.labels(), "Definice", "Definition", codelist.definitions());
            definition("Počet pojmů", "Concepts", String.valueOf(codelist.concepts()));
            definition("Pojmenovaný graf", "Named graph", "<code>" + escape(codelist.graph()) + "</code>");
            html.append("</dl>\n</article>\n");
        }
        html.append("</section>\n");
    }

    private void datasets() {
        section("datasets", "Datové sady", "Datasets");
        html.append("<p>Datové sady konektorů podle jejich mapování (třídy a predikáty, které šablona CONSTRUCT")
                .append(" jmenuje), referenční data podle jejich obsahu.")
                .append(" <span lang=\"en\">The connectors' datasets as their mappings give them (the classes and")
                .append(" predicates the CONSTRUCT template names), reference data as it is.</span></p>\n");
        for (DatasetTerms dataset : catalogue.datasets()) {
            article(dataset.anchor(), dataset.iri(), dataset.titles(), dataset.id());
            html.append("<dl>\n");
            definition("Identifikátor", "Identifier", "<code>" + escape(dataset.id()) + "</code>");
            if (dataset.graph() != null) {
                definition("Pojmenovaný graf", "Named graph", "<code>" + escape(dataset.graph()) + "</code>");
            } else {
                definition("Konektory", "Connectors", escape(String.join(", ", dataset.connectors())));
            }
            definition("Třídy", "Classes", termLinks(dataset.classes()));
            definition("Vlastnosti", "Properties", termLinks(dataset.properties()));
            html.append("</dl>\n</article>\n");
        }
        html.append("</section>\n");
    }

    /** Opens an article: its anchor and a heading, the Czech name (else {@code fallback}) linking to {@code href}. */
    private void article(String anchor, String href, LangText names, String fallback) {
        html.append("<article id=\"").append(escape(anchor)).append("\">\n<h3>");
        html.append(link(href, names.cs().isEmpty() ? fallback : names.cs().get(0)));
        if (!names.en().isEmpty()) {
            html.append(" <span lang=\"en\">/ ")
                    .append(escape(names.en().get(0)))
                    .append("</span>");
        }
        html.append("</h3>\n");
    }

    /**
     * Opens the article of an IRI (anchored by it, linking to it, and showing it) and its list of definitions, the
     * first being {@code text} in both languages.
     */
    private void entry(String iri, LangText names, String cs, String en, LangText text) {
        article(iri, iri, names, iri);
        html.append("<p><code>")
                .append(escape(iri))
                .append("</code> <a href=\"")
                .append(escape(fragment(iri)));
        html.append("\">").append(bilingual("odkaz sem", "link here")).append("</a></p>\n<dl>\n");
        texts(cs, en, text);
    }

    private void texts(String cs, String en, LangText text) {
        if (text.cs().isEmpty() && text.en().isEmpty()) {
            return;
        }
        html.append("<dt>").append(bilingual(cs, en)).append("</dt>\n");
        text.cs().forEach(t -> html.append("<dd lang=\"cs\">").append(escape(t)).append("</dd>\n"));
        text.en().forEach(t -> html.append("<dd lang=\"en\">").append(escape(t)).append("</dd>\n"));
    }

    /** A term and its value; nothing when the value is empty. */
    private void definition(String cs, String en, String valueHtml) {
        if (valueHtml.isEmpty()) {
            return;
        }
        html.append("<dt>").append(bilingual(cs, en)).append("</dt>\n");
        html.append("<dd>").append(valueHtml).append("</dd>\n");
    }

    /** Links to terms: a term the ontology describes to its entry, any other to its IRI. */
    private String termLinks(Set<String> iris) {
        return iris.stream()
                .sorted(Comparator.comparing((String iri) -> labels.getOrDefault(iri, iri), VocabularyCatalogue.CZECH))
                .map(iri -> labels.containsKey(iri) ? link(fragment(iri), labels.get(iri)) : link(iri, iri))
                .collect(Collectors.joining(", "));
    }

    /** A Czech text followed by its English one, marked as English. Both are the page's own, safe, texts. */
    private static String bilingual(String cs, String en) {
        return cs + " <span lang=\"en\">/ " + en + "</span>";
    }

    private static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /**
     * The link to an anchor that is an IRI: {@code #} and {@code %} escaped, so that a browser, which tries the
     * fragment percent-decoded when no element has it as it is, finds the anchor.
     */
    static String fragment(String iri) {
        return "#" + iri.replace("%", "%25").replace("#", "%23");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
