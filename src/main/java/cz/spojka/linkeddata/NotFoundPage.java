package cz.spojka.linkeddata;

/** The HTML answer for an IRI the store has no data about. */
final class NotFoundPage {

    private NotFoundPage() {}

    static String render(String iri, String root) {
        String escaped = ResourcePage.escape(iri);
        return "<!DOCTYPE html>\n<html lang=\"cs\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Nenalezeno – Not found – Spojka</title>\n</head>\n<body>\n"
                + "<h1>Nenalezeno <span lang=\"en\">/ Not found</span></h1>\n"
                + "<p>Spojka nemá o <code>" + escaped + "</code> žádná data."
                + " <span lang=\"en\">The hub has no data about <code>" + escaped + "</code>.</span></p>\n"
                + "<p><a href=\"" + ResourcePage.escape(root)
                + "/vocab\">Slovník <span lang=\"en\">/ Vocabulary</span></a>,"
                + " <a href=\"" + ResourcePage.escape(root)
                + "/catalog\">Katalog <span lang=\"en\">/ Catalogue</span></a>,"
                + " <a href=\"" + ResourcePage.escape(root) + "/sparql\">SPARQL</a></p>\n</body>\n</html>\n";
    }
}
