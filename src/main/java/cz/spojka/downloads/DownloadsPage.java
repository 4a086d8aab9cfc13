package cz.spojka.downloads;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** The list of downloads at {@code GET /data} for a browser: a plain page in Czech and English. */
final class DownloadsPage {

    private DownloadsPage() {}

    /**
     * @param dataUrl the absolute URL of {@code /data/}, which every download's URL starts with
     */
    static String of(List<PublishedDataset> datasets, String dataUrl) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="cs">
                <head><meta charset="utf-8"><title>Spojka – stažení dat / downloads</title>
                <style>body{font-family:sans-serif;max-width:60em;margin:auto}td,th{padding:.2em .6em;text-align:left}</style>
                </head>
                <body>
                <h1>Stažení dat <small>/ Downloads</small></h1>
                <p>Každá datová sada celá, nebo jen data jedné obce (<code>?ico=</code>).
                Every dataset whole, or only one municipality's data (<code>?ico=</code>).</p>
                """);
        for (PublishedDataset dataset : datasets) {
            html.append("<h2>%s <small>/ %s (<code>%s</code>)</small></h2>\n"
                    .formatted(escape(dataset.titleCs()), escape(dataset.titleEn()), escape(dataset.id())));
            html.append("<table>\n<tr><th>obec / municipality</th><th>IČO</th><th>stažení / downloads</th></tr>\n");
            row(html, dataset, "všechny / all", "", "", dataUrl);
            for (PublishedDataset.Municipality municipality : dataset.municipalities()) {
                row(html, dataset, municipality.name(), municipality.ico(), "?ico=" + municipality.ico(), dataUrl);
            }
            html.append("</table>\n");
            dataset.table().ifPresent(table -> columns(html, table));
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void row(
            StringBuilder html, PublishedDataset dataset, String name, String ico, String query, String dataUrl) {
        html.append("<tr><td>%s</td><td>%s</td><td>".formatted(escape(name), ico));
        for (DownloadFormat format : dataset.formats()) {
            link(html, dataUrl + dataset.id() + "." + format.extension + query, format.title);
        }
        for (OfnDownload ofn : dataset.ofn()) {
            link(html, dataUrl + ofn.name() + ".jsonld" + query, "OFN " + ofn.titleCs());
        }
        html.append("</td></tr>\n");
    }

    private static void link(StringBuilder html, String url, String text) {
        html.append("<a href=\"%s\">%s</a> ".formatted(escape(url), escape(text)));
    }

    /** Only what HTML needs escaped: the page is UTF-8, so Czech letters stay letters. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static void columns(StringBuilder html, DatasetTable table) {
        html.append("<details><summary>Sloupce CSV / CSV columns: %s / %s</summary>\n<table>\n"
                .formatted(escape(table.rows().cs()), escape(table.rows().en())));
        for (DatasetTable.Column column : table.columns()) {
            html.append("<tr><td><code>%s</code></td><td>%s</td><td>%s</td></tr>\n"
                    .formatted(escape(column.name()), escape(column.cs()), escape(column.en())));
        }
        html.append("</table></details>\n");
    }
}
