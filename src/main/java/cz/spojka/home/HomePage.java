package cz.spojka.home;

import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.system.SpojkaProperties;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.util.HtmlUtils;

/**
 * The home page: who publishes the data (from {@code spojka.catalog.*}), where to query, browse, download and follow
 * it, and the datasets with a link to each municipality's catalogue record and download. Czech first, then English;
 * no scripts and no external assets.
 */
final class HomePage {

    /** A link of the page: the address, its Czech and English name, and what it is (Czech, English). */
    record Link(String href, String cs, String en, String aboutCs, String aboutEn) {}

    private HomePage() {}

    /**
     * @param sparqlEndpoint {@code /sparql}, or the external store's query endpoint when the hub serves none
     * @param datasets the datasets of the loaded connectors, one per connector (a dataset of many connectors repeats)
     */
    static String of(
            SpojkaProperties.Catalog catalog, String sparqlEndpoint, Collection<ConnectorDefinition.Dataset> datasets) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="cs">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Spojka – %s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:60em;margin:auto;padding:0 1em;color:#222}\
                [lang=en]{color:#555}dt{font-weight:bold;margin-top:.6em}dd{margin-left:1.2em}\
                td,th{padding:.2em .6em;text-align:left;vertical-align:top}td:last-child{white-space:nowrap}</style>
                </head>
                <body>
                <header>
                <h1>%s <small lang="en">/ %s</small></h1>
                <p>%s <span lang="en">%s</span></p>
                <p>Zveřejňuje <span lang="en">Published by</span>: %s (IČO %s)%s</p>
                </header>
                """.formatted(
                        escape(catalog.titleCs()),
                        escape(catalog.titleCs()),
                        escape(catalog.titleEn()),
                        escape(catalog.descriptionCs()),
                        escape(catalog.descriptionEn()),
                        escape(catalog.publisherName()),
                        escape(catalog.publisherIco()),
                        contact(catalog)));
        html.append("<h2>Co tu najdete <small lang=\"en\">/ What is here</small></h2>\n<dl>\n");
        for (Link link : links(sparqlEndpoint)) {
            html.append(
                    "<dt><a href=\"%s\">%s</a> <span lang=\"en\">/ %s</span></dt>\n<dd>%s <span lang=\"en\">%s</span></dd>\n"
                            .formatted(
                                    escape(link.href()),
                                    escape(link.cs()),
                                    escape(link.en()),
                                    escape(link.aboutCs()),
                                    escape(link.aboutEn())));
        }
        html.append("</dl>\n");
        datasets(html, datasets);
        return html.append("</body>\n</html>\n").toString();
    }

    static List<Link> links(String sparqlEndpoint) {
        return List.of(
                new Link(
                        sparqlEndpoint,
                        "Dotazy SPARQL",
                        "SPARQL queries",
                        "Editor dotazů s příklady pro každou oblast; stejná adresa je SPARQL endpoint pro programy.",
                        "A query editor with examples for every domain; the same address is the SPARQL endpoint for"
                                + " programs."),
                new Link(
                        "/catalog",
                        "Katalog otevřených dat",
                        "Open-data catalogue",
                        "Záznamy datových sad podle DCAT-AP-CZ (JSON-LD, Turtle), jak je sklízí NKOD.",
                        "The datasets' records in DCAT-AP-CZ (JSON-LD, Turtle), as NKOD harvests them."),
                new Link(
                        "/vocab",
                        "Slovník",
                        "Vocabulary",
                        "Třídy a vlastnosti sdíleného slovníku, tvary SHACL, číselníky a datové sady, které je používají.",
                        "The shared vocabulary's classes and properties, SHACL shapes, codelists and the datasets that"
                                + " use them."),
                new Link(
                        "/data",
                        "Stažení dat",
                        "Downloads",
                        "Každá datová sada jako Turtle, N-Triples, tabulka CSV nebo dokument OFN, celá nebo za jednu obec.",
                        "Every dataset as Turtle, N-Triples, a CSV table or an OFN document, whole or for one"
                                + " municipality."),
                new Link(
                        "/dashboard",
                        "Živý přehled",
                        "Live dashboard",
                        "Oznámení, podněty a hodnoty senzorů na mapě, jak přicházejí.",
                        "Notices, citizen reports and sensor values on a map as they arrive."),
                new Link(
                        "/asyncapi.yaml",
                        "Události změn",
                        "Change events",
                        "Smlouva AsyncAPI událostí, které odebírá /events (Server-Sent Events) a webhooky /api/subscriptions.",
                        "The AsyncAPI contract of the events that /events (Server-Sent Events) and the webhooks of"
                                + " /api/subscriptions deliver."),
                new Link(
                        "/api/connectors",
                        "Konektory",
                        "Connectors",
                        "Připojené agendové systémy, jejich plány a poslední běhy (JSON, pro provozovatele).",
                        "The connected agenda systems, their schedules and last runs (JSON, for operators)."),
                new Link(
                        "/actuator/health",
                        "Stav uzlu",
                        "Health",
                        "Stav úložiště, logu změn a materializace (JSON).",
                        "The state of the store, the change log and the materializer (JSON)."));
    }

    private static String contact(SpojkaProperties.Catalog catalog) {
        StringBuilder contact = new StringBuilder();
        if (!catalog.homepage().isEmpty()) {
            contact.append(
                    " · <a href=\"%s\">%s</a>".formatted(escape(catalog.homepage()), escape(catalog.homepage())));
        }
        if (!catalog.contactEmail().isEmpty()) {
            contact.append(" · <a href=\"mailto:%s\">%s</a>"
                    .formatted(escape(catalog.contactEmail()), escape(catalog.contactEmail())));
        }
        return contact.toString();
    }

    /** One row per dataset and municipality, grouped by dataset. */
    private static void datasets(StringBuilder html, Collection<ConnectorDefinition.Dataset> datasets) {
        Map<String, Map<String, ConnectorDefinition.Dataset>> byId = new TreeMap<>();
        datasets.forEach(
                d -> byId.computeIfAbsent(d.id(), id -> new TreeMap<>()).putIfAbsent(d.ico(), d));
        html.append("<h2>Datové sady <small lang=\"en\">/ Datasets</small></h2>\n");
        if (byId.isEmpty()) {
            html.append("<p>Žádný konektor není načten. <span lang=\"en\">No connector is loaded.</span></p>\n");
            return;
        }
        html.append("<table>\n<tr><th>datová sada <span lang=\"en\">/ dataset</span></th>"
                + "<th>obec nebo úřad <span lang=\"en\">/ municipality or authority</span></th>"
                + "<th>odkazy <span lang=\"en\">/ links</span></th></tr>\n");
        byId.forEach((id, byIco) -> byIco.values()
                .forEach(dataset -> html.append(
                        "<tr><td>%s <span lang=\"en\">/ %s</span></td><td>%s (IČO %s)</td><td><a href=\"%s\">katalog</a> · <a href=\"%s\">Turtle</a></td></tr>\n"
                                .formatted(
                                        escape(dataset.titleCs()),
                                        escape(dataset.titleEn()),
                                        escape(dataset.municipalityName()),
                                        escape(dataset.ico()),
                                        escape("/catalog/datasets/" + id + "/" + dataset.ico()),
                                        escape("/data/" + id + ".ttl?ico=" + dataset.ico())))));
        html.append("</table>\n");
    }

    /** Only what HTML needs escaped: the page is UTF-8, so Czech letters stay letters. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
