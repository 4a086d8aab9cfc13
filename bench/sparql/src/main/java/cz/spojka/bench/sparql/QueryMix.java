package cz.spojka.bench.sparql;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * The queries of the benchmark over the notice boards: point lookups, and an explore mix in the manner of the Berlin
 * SPARQL Benchmark (a consumer browsing: a board's latest notices, one notice with its board and documents, a
 * board's size, the notices posted in a week, the largest boards). Parameters are drawn with a fixed seed from the
 * notices and boards in the store, so both servers get the same sequence of queries.
 */
final class QueryMix {

    static final String PREFIXES = """
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX desky: <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/>
            PREFIX sb: <https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/>
            PREFIX time: <http://www.w3.org/2006/time#>
            PREFIX schema: <http://schema.org/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;

    /** One kind of query, with how it draws its parameters. */
    record Kind(String name, Function<Random, String> query) {}

    private final List<String> notices;
    private final List<String> boards;

    QueryMix(List<String> notices, List<String> boards) {
        this.notices = notices;
        this.boards = boards;
    }

    List<Kind> lookups() {
        return List.of(new Kind("lookup", random -> "SELECT ?p ?o WHERE { <" + notice(random) + "> ?p ?o }"));
    }

    List<Kind> explore() {
        return List.of(
                new Kind(
                        "board-latest",
                        random -> PREFIXES + "SELECT ?notice ?title ?posted WHERE { ?notice dcterms:isPartOf <"
                                + board(random) + "> ; dcterms:title ?title ;"
                                + " sb:vyvěšení-informace/time:inXSDDate ?posted } ORDER BY DESC(?posted) LIMIT 10"),
                new Kind("notice-details", random -> {
                    String notice = notice(random);
                    return PREFIXES + "SELECT ?title ?board ?page ?publisher ?docTitle ?docUrl WHERE { <" + notice
                            + "> dcterms:title ?title ; dcterms:isPartOf ?board ."
                            + " OPTIONAL { ?board desky:stránka-zveřejnění ?page }"
                            + " OPTIONAL { ?board dcterms:publisher ?publisher }"
                            + " OPTIONAL { <" + notice + "> desky:má-další-dokument ?doc ."
                            + " ?doc dcterms:title ?docTitle ; schema:downloadUrl ?docUrl } }";
                }),
                new Kind(
                        "board-size",
                        random -> PREFIXES + "SELECT (COUNT(?notice) AS ?notices) WHERE { ?notice dcterms:isPartOf <"
                                + board(random) + "> }"),
                new Kind("week", random -> {
                    int day = 1 + random.nextInt(24);
                    return PREFIXES + "SELECT ?notice ?posted WHERE { ?notice sb:vyvěšení-informace/time:inXSDDate"
                            + " ?posted FILTER(?posted >= \"2024-05-" + two(day) + "\"^^xsd:date && ?posted < \"2024-05-"
                            + two(day + 7) + "\"^^xsd:date) } ORDER BY ?posted ?notice LIMIT 20";
                }),
                new Kind(
                        "largest-boards",
                        random -> PREFIXES + "SELECT ?board (COUNT(?notice) AS ?notices) WHERE { ?notice"
                                + " dcterms:isPartOf ?board } GROUP BY ?board ORDER BY DESC(?notices) ?board LIMIT 10"));
    }

    private String notice(Random random) {
        return notices.get(random.nextInt(notices.size()));
    }

    private String board(Random random) {
        return boards.get(random.nextInt(boards.size()));
    }

    private static String two(int day) {
        return day < 10 ? "0" + day : Integer.toString(day);
    }
}
