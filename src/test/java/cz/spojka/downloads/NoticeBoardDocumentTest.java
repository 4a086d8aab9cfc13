package cz.spojka.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/** A notice board in the store's vocabulary becomes one OFN Úřední desky document, exactly so. */
class NoticeBoardDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIXES = """
            @prefix desky:   <https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/> .
            @prefix sb:      <https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/> .
            @prefix časy:    <https://slovník.gov.cz/generický/čas/pojem/> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix schema:  <http://schema.org/> .
            @prefix time:    <http://www.w3.org/2006/time#> .
            @prefix owl:     <http://www.w3.org/2002/07/owl#> .
            @prefix prov:    <http://www.w3.org/ns/prov#> .
            @prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
            @prefix hub:     <http://hub.test/zdroj/uredni-deska/00270211/> .
            """;

    /**
     * An eDesky board as the store holds it (provenance included), with two notices, one of which has no relevance
     * end, and a notice of another board that the description happens to hold.
     */
    private static final String BOARD = PREFIXES + """
            hub:deska a desky:úřední-deska ;
                dcterms:title "Město Chrudim"@cs ;
                desky:stránka-zveřejnění <https://edesky.cz/desky/97> ;
                dcterms:publisher <https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00270211> ;
                dcterms:spatial <https://linked.cuzk.cz/resource/ruian/obec/571164> ;
                owl:sameAs <https://edesky.cz/desky/97> ;
                prov:generatedAtTime "2026-11-26T10:00:00Z"^^xsd:dateTime .

            hub:informace-2 a desky:informace-zveřejněná-na-úřední-desce , schema:CreativeWork ;
                dcterms:isPartOf hub:deska ;
                dcterms:title "Veřejná vyhláška"@cs , "Public notice"@en ;
                schema:downloadUrl "http://edeska.chrudim-city.cz/detail?id=2"^^xsd:anyURI ;
                sb:vyvěšení-informace [ a time:Instant ; time:inXSDDateTimeStamp "2019-10-10T17:10:14+02:00"^^xsd:dateTimeStamp ] ;
                desky:číslo-jednací "CR 1/2019" ;
                desky:má-další-dokument
                    [ a schema:CreativeWork ; dcterms:title "b.pdf"@cs ;
                      schema:downloadUrl "http://edeska.chrudim-city.cz/b.pdf"^^xsd:anyURI ;
                      schema:encodingFormat "application/pdf" ] ,
                    [ a schema:CreativeWork ; dcterms:title "a.docx"@cs ;
                      schema:downloadUrl "http://edeska.chrudim-city.cz/a.docx"^^xsd:anyURI ;
                      schema:encodingFormat "neznámý formát" ] .

            hub:informace-1 a desky:informace-zveřejněná-na-úřední-desce ;
                dcterms:isPartOf hub:deska ;
                dcterms:title "Rozhodnutí"@cs ;
                sb:vyvěšení-informace [ a time:Instant ; time:inXSDDate "2024-03-04"^^xsd:date ] ;
                desky:relevantní-do [ a time:Instant ; časy:je-nespecifikovaný true ] ;
                desky:schválení-informace [ a time:Instant ; time:inXSDDate "2024-03-01"^^xsd:date ] ;
                desky:spisová-značka-spisu "SZ 7/2024" ;
                desky:označení-revize "2" .

            <http://hub.test/zdroj/uredni-deska/00270211/jiná-informace>
                a desky:informace-zveřejněná-na-úřední-desce ;
                dcterms:isPartOf <http://hub.test/zdroj/uredni-deska/00270211/jiná-deska> .
            """;

    private static final String EXPECTED = """
            {
              "@context": "https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld",
              "typ": "Úřední deska",
              "iri": "http://hub.test/zdroj/uredni-deska/00270211/deska",
              "název": { "cs": "Město Chrudim" },
              "stránka": "https://edesky.cz/desky/97",
              "provozovatel": {
                "typ": "Osoba",
                "iri": "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00270211",
                "ičo": "00270211"
              },
              "umístění": {
                "typ": "Umístění",
                "adresa": { "typ": "Adresa", "obec": "https://linked.cuzk.cz/resource/ruian/obec/571164" }
              },
              "informace": [
                {
                  "typ": [ "Digitální objekt", "Informace na úřední desce" ],
                  "iri": "http://hub.test/zdroj/uredni-deska/00270211/informace-1",
                  "název": { "cs": "Rozhodnutí" },
                  "vyvěšení": { "typ": "Časový okamžik", "datum": "2024-03-04" },
                  "relevantní_do": { "typ": "Časový okamžik", "nespecifikovaný": true },
                  "schválení": { "typ": "Časový okamžik", "datum": "2024-03-01" },
                  "spisová_značka": "SZ 7/2024",
                  "revize": "2"
                },
                {
                  "typ": [ "Digitální objekt", "Informace na úřední desce" ],
                  "iri": "http://hub.test/zdroj/uredni-deska/00270211/informace-2",
                  "url": "http://edeska.chrudim-city.cz/detail?id=2",
                  "název": { "cs": "Veřejná vyhláška", "en": "Public notice" },
                  "vyvěšení": { "typ": "Časový okamžik", "datum_a_čas": "2019-10-10T17:10:14+02:00" },
                  "relevantní_do": { "typ": "Časový okamžik", "nespecifikovaný": true },
                  "číslo_jednací": "CR 1/2019",
                  "dokument": [
                    {
                      "typ": "Digitální objekt",
                      "název": { "cs": "a.docx" },
                      "url": "http://edeska.chrudim-city.cz/a.docx"
                    },
                    {
                      "typ": "Digitální objekt",
                      "název": { "cs": "b.pdf" },
                      "url": "http://edeska.chrudim-city.cz/b.pdf",
                      "typ_média": "http://www.iana.org/assignments/media-types/application/pdf"
                    }
                  ]
                }
              ]
            }
            """;

    @Test
    void writesTheBoardWithItsNoticesInTheShapeOfTheNorm() throws IOException {
        String document = write(BOARD, "http://hub.test/zdroj/uredni-deska/00270211/deska");

        assertThat(document).isEqualTo(JSON.writeValueAsString(JSON.readTree(EXPECTED)));
    }

    @Test
    void writesADocumentTheNormsSchemaAccepts() throws IOException {
        String document = write(BOARD, "http://hub.test/zdroj/uredni-deska/00270211/deska");

        assertThat(OfnSchemas.violations(OfnDownloads.noticeBoards().schema(), JSON.readTree(document)))
                .isEmpty();
    }

    @Test
    void writesAnEmptyListOfNoticesForABoardWithoutAny() throws IOException {
        String document = write(PREFIXES + """
                hub:deska a desky:úřední-deska ;
                    desky:stránka-zveřejnění <https://www.policie.cz/uredni-deska> ;
                    dcterms:publisher <https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00007064> .
                """, "http://hub.test/zdroj/uredni-deska/00270211/deska");

        assertThat(document)
                .isEqualTo("{\"@context\":\"" + NoticeBoardDocument.CONTEXT + "\",\"typ\":\"Úřední deska\","
                        + "\"iri\":\"http://hub.test/zdroj/uredni-deska/00270211/deska\","
                        + "\"stránka\":\"https://www.policie.cz/uredni-deska\",\"provozovatel\":{\"typ\":\"Osoba\","
                        + "\"iri\":\"https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00007064\","
                        + "\"ičo\":\"00007064\"},\"informace\":[]}");
    }

    private static String write(String turtle, String board) throws IOException {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(graph);
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            new NoticeBoardDocument().write(graph, NodeFactory.createURI(board), json);
        }
        return out.toString();
    }
}
