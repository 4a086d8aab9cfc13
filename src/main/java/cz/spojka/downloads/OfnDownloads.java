package cz.spojka.downloads;

import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * The OFN downloads: one for every open formal norm that a dataset of the connectors maps onto. A dataset feeds an
 * OFN when its entities are of the norm's class (the connectors' mappings type them so, see {@code vocab/ontology/}).
 */
final class OfnDownloads {

    private OfnDownloads() {}

    static List<OfnDownload> all() {
        return List.of(noticeBoards(), wasteContainers());
    }

    /** OFN Úřední desky: each board with its notices, their instants and documents. */
    static OfnDownload noticeBoards() {
        return new OfnDownload(
                "uredni-desky",
                "uredni-deska",
                "Úřední desky",
                "Official notice boards",
                "https://ofn.gov.cz/úřední-desky/2021-07-20/",
                "https://ofn.gov.cz/úřední-desky/2021-07-20/schémata/úřední-deska.json",
                roots(NoticeBoardDocument.BOARD),
                query("""
                        CONSTRUCT { ?document ?p ?o . ?notice ?np ?no . ?no ?bp ?bo }
                        WHERE {
                          GRAPH ?graph {
                            { ?document ?p ?o }
                            UNION
                            {
                              ?notice <http://purl.org/dc/terms/isPartOf> ?document ; ?np ?no .
                              OPTIONAL { ?no ?bp ?bo FILTER(isBlank(?no)) }
                            }
                          }
                        }
                        """),
                new NoticeBoardDocument());
    }

    /** OFN Nádoby na tříděný odpad: each container the fill-level sensors measure. */
    static OfnDownload wasteContainers() {
        return new OfnDownload(
                "nadoby-na-trideny-odpad",
                "zaplnenost-nadob",
                "Nádoby na tříděný odpad",
                "Recycling containers",
                "https://ofn.gov.cz/nádoby-na-tříděný-odpad/2022-04-19/",
                "https://ofn.gov.cz/nádoby-na-tříděný-odpad/2022-04-19/schémata/nádoba-na-tříděný-odpad.json",
                roots(WasteContainerDocument.CONTAINER),
                query("CONSTRUCT { ?document ?p ?o } WHERE { GRAPH ?graph { ?document ?p ?o } }"),
                new WasteContainerDocument());
    }

    /** The entities of the class, in IRI order: a download of the same data is the same file. */
    private static Query roots(String classIri) {
        return query("SELECT ?document WHERE { GRAPH ?graph { ?document a <" + classIri + "> } } ORDER BY ?document");
    }

    private static Query query(String text) {
        return QueryFactory.create(text);
    }
}
