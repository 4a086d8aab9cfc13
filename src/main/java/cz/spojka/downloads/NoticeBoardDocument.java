package cz.spojka.downloads;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * A notice board and its notices as one document of OFN Úřední desky 2021-07-20, in the shape of the norm's examples
 * and valid against its schema {@code úřední-deska.json}. The store holds the board in the shared vocabulary
 * ({@code vocab/ontology/uredni-desky.ttl}); the keys follow the official context, and where the store says a thing
 * differently the document says it the norm's way:
 *
 * <ul>
 *   <li>the board's {@code dcterms:publisher}, an RPP IRI ending in the IČO, becomes {@code provozovatel}, an
 *       {@code Osoba} with that {@code iri} and {@code ičo};
 *   <li>its {@code dcterms:spatial}, a RÚIAN municipality, becomes {@code umístění} with that {@code obec};
 *   <li>the notices that name the board with {@code dcterms:isPartOf} become its {@code informace};
 *   <li>a notice without a relevance end gets {@code relevantní_do} unspecified, which the norm requires;
 *   <li>a document's media type ({@code application/pdf}) becomes the IANA IRI the norm's {@code typ_média} takes.
 * </ul>
 *
 * Notices are ordered by IRI and documents by address and title, so the same data gives the same document.
 */
final class NoticeBoardDocument implements OfnDocument {

    static final String CONTEXT = "https://ofn.gov.cz/úřední-desky/2021-07-20/kontexty/úřední-deska.jsonld";
    // Whole IRIs, each declared in vocab/, so that JavaVocabularyIrisTest can check them there.
    static final String BOARD = "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/úřední-deska";
    static final String NOTICE =
            "https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/informace-zveřejněná-na-úřední-desce";
    private static final Node SCHEMA_URL = NodeFactory.createURI("http://schema.org/downloadUrl");
    private static final String IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]*");
    private static final Pattern ICO = Pattern.compile(".*/([0-9]{8})");

    @Override
    public void write(Graph board, Node root, JsonGenerator json) throws IOException {
        OfnDocument.start(json, CONTEXT, "Úřední deska", root);
        text(json, "název", objects(board, root, DCTerms.title.asNode()));
        string(
                json,
                "stránka",
                first(board, root, uri("https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/stránka-zveřejnění")));
        operator(json, first(board, root, DCTerms.publisher.asNode()));
        location(json, first(board, root, DCTerms.spatial.asNode()));
        json.writeArrayFieldStart("informace");
        for (Node notice : notices(board, root)) {
            notice(json, board, notice);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static List<Node> notices(Graph board, Node root) {
        return board
                .find(Node.ANY, DCTerms.isPartOf.asNode(), root)
                .mapWith(t -> t.getSubject())
                .filterKeep(notice -> board.contains(notice, RDF.type.asNode(), uri(NOTICE)))
                .toList()
                .stream()
                .sorted(Comparator.comparing(Node::getURI))
                .toList();
    }

    private static void notice(JsonGenerator json, Graph board, Node notice) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("typ");
        json.writeString("Digitální objekt");
        json.writeString("Informace na úřední desce");
        json.writeEndArray();
        json.writeStringField("iri", notice.getURI());
        string(json, "url", first(board, notice, SCHEMA_URL));
        text(json, "název", objects(board, notice, DCTerms.title.asNode()));
        text(json, "popis", objects(board, notice, DCTerms.description.asNode()));
        instant(
                json,
                "vyvěšení",
                board,
                first(
                        board,
                        notice,
                        uri("https://slovník.gov.cz/legislativní/sbírka/500/2004/pojem/vyvěšení-informace")));
        instant(
                json,
                "relevantní_do",
                board,
                first(board, notice, uri("https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/relevantní-do")));
        Node approved =
                first(board, notice, uri("https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/schválení-informace"));
        if (approved != null) {
            instant(json, "schválení", board, approved);
        }
        string(
                json,
                "číslo_jednací",
                first(board, notice, uri("https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/číslo-jednací")));
        string(
                json,
                "spisová_značka",
                first(board, notice, uri("https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/spisová-značka-spisu")));
        string(
                json,
                "revize",
                first(board, notice, uri("https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/označení-revize")));
        List<Node> documents =
                objects(board, notice, uri("https://slovník.gov.cz/datový/ofn-úřední-desky/pojem/má-další-dokument"))
                        .stream()
                        .sorted(Comparator.comparing(d -> sortKey(board, d)))
                        .toList();
        if (!documents.isEmpty()) {
            json.writeArrayFieldStart("dokument");
            for (Node document : documents) {
                document(json, board, document);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void document(JsonGenerator json, Graph board, Node document) throws IOException {
        json.writeStartObject();
        json.writeStringField("typ", "Digitální objekt");
        text(json, "název", objects(board, document, DCTerms.title.asNode()));
        string(json, "url", first(board, document, SCHEMA_URL));
        Node media = first(board, document, uri("http://schema.org/encodingFormat"));
        if (media != null) {
            String type = media.isURI() ? media.getURI() : media.getLiteralLexicalForm();
            if (type.startsWith(IANA_MEDIA_TYPES)) {
                json.writeStringField("typ_média", type);
            } else if (MEDIA_TYPE.matcher(type).matches()) {
                json.writeStringField("typ_média", IANA_MEDIA_TYPES + type);
            }
        }
        json.writeEndObject();
    }

    private static String sortKey(Graph board, Node document) {
        Node url = first(board, document, SCHEMA_URL);
        List<Node> titles = objects(board, document, DCTerms.title.asNode());
        return (url == null ? "" : value(url)) + '\n' + (titles.isEmpty() ? "" : value(titles.get(0)));
    }

    private static void operator(JsonGenerator json, Node publisher) throws IOException {
        if (publisher == null || !publisher.isURI()) {
            return;
        }
        json.writeObjectFieldStart("provozovatel");
        json.writeStringField("typ", "Osoba");
        json.writeStringField("iri", publisher.getURI());
        var ico = ICO.matcher(publisher.getURI());
        if (ico.matches()) {
            json.writeStringField("ičo", ico.group(1));
        }
        json.writeEndObject();
    }

    private static void location(JsonGenerator json, Node municipality) throws IOException {
        if (municipality == null || !municipality.isURI()) {
            return;
        }
        json.writeObjectFieldStart("umístění");
        json.writeStringField("typ", "Umístění");
        json.writeObjectFieldStart("adresa");
        json.writeStringField("typ", "Adresa");
        json.writeStringField("obec", municipality.getURI());
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A time instant; one without a date (or missing, for an optional end) is the norm's unspecified instant. */
    private static void instant(JsonGenerator json, String field, Graph board, Node instant) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("typ", "Časový okamžik");
        Node dateTime =
                instant == null ? null : first(board, instant, uri("http://www.w3.org/2006/time#inXSDDateTimeStamp"));
        Node date = instant == null ? null : first(board, instant, uri("http://www.w3.org/2006/time#inXSDDate"));
        if (dateTime != null) {
            json.writeStringField("datum_a_čas", value(dateTime));
        } else if (date != null) {
            json.writeStringField("datum", value(date));
        } else {
            json.writeBooleanField("nespecifikovaný", true);
        }
        json.writeEndObject();
    }

    /** A text in the norm's form, {@code {"cs": "…", "en": "…"}}; one value per language, strings without one left out. */
    private static void text(JsonGenerator json, String field, List<Node> literals) throws IOException {
        Map<String, String> byLanguage = new TreeMap<>();
        for (Node literal : literals) {
            if (literal.isLiteral() && !literal.getLiteralLanguage().isEmpty()) {
                byLanguage.putIfAbsent(literal.getLiteralLanguage(), literal.getLiteralLexicalForm());
            }
        }
        if (byLanguage.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> text : byLanguage.entrySet()) {
            json.writeStringField(text.getKey(), text.getValue());
        }
        json.writeEndObject();
    }

    private static void string(JsonGenerator json, String field, Node value) throws IOException {
        if (value != null && !value.isBlank()) {
            json.writeStringField(field, value(value));
        }
    }

    private static String value(Node node) {
        return node.isURI() ? node.getURI() : node.getLiteralLexicalForm();
    }

    /** The values, in a fixed order (the store's is arbitrary). */
    private static List<Node> objects(Graph graph, Node subject, Node predicate) {
        return graph.find(subject, predicate, Node.ANY).mapWith(t -> t.getObject()).toList().stream()
                .sorted(Comparator.comparing(Node::toString))
                .toList();
    }

    private static Node first(Graph graph, Node subject, Node predicate) {
        List<Node> values = objects(graph, subject, predicate);
        return values.isEmpty() ? null : values.get(0);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
