package cz.spojka.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * One object of the catalogue's JSON-LD, in the keys of the OFN "DCAT-AP-CZ: Rozhraní katalogů otevřených dat", and
 * at the same time the triples it stands for: every call writes the key and its triple, so the JSON-LD and the RDF
 * (Turtle, the store) say the same. Reading the JSON-LD with the JSON-LD processor would give the same triples, but
 * takes about a millisecond a record, and seconds for the catalogue of thousands of municipalities.
 */
final class OfnNode {

    /** The norm's official context, 2024-05-28 (bundled in {@code vocab/contexts/}). */
    static final String CONTEXT = "https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/kontexty/"
            + "rozhraní-katalogů-otevřených-dat.jsonld";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode json;
    private final Node subject;
    private final Graph graph;

    private OfnNode(ObjectNode json, String iri, OfnType type, Graph graph) {
        this.json = json.put("iri", iri).put("typ", type.key);
        this.subject = NodeFactory.createURI(iri);
        this.graph = graph;
        graph.add(subject, RDF.type.asNode(), NodeFactory.createURI(type.iri));
    }

    /** A document with the context, describing the resource {@code iri}; its triples go to {@code graph}. */
    static OfnNode document(String iri, OfnType type, Graph graph) {
        return new OfnNode(JSON.objectNode().put("@context", CONTEXT), iri, type, graph);
    }

    ObjectNode json() {
        return json;
    }

    OfnNode iri(OfnKey key, String value) {
        if (key.inContext()) {
            json.put(key.key, value);
        } else {
            json.set(key.key, JSON.objectNode().put("@id", value));
        }
        add(key, NodeFactory.createURI(value));
        return this;
    }

    OfnNode iris(OfnKey key, List<String> values) {
        ArrayNode array = json.putArray(key.key);
        for (String value : values) {
            array.add(value);
            add(key, NodeFactory.createURI(value));
        }
        return this;
    }

    /** A text in Czech and English; a language without a text is left out. */
    OfnNode texts(OfnKey key, String cs, String en) {
        ObjectNode texts = json.putObject(key.key);
        text(key, texts, "cs", cs);
        text(key, texts, "en", en);
        return this;
    }

    /** Texts in Czech and in English (keywords). */
    OfnNode texts(OfnKey key, List<String> cs, List<String> en) {
        ObjectNode texts = json.putObject(key.key);
        cs.forEach(text -> text(key, texts.withArrayProperty("cs"), "cs", text));
        en.forEach(text -> text(key, texts.withArrayProperty("en"), "en", text));
        return this;
    }

    /** An object the key points at, named by its IRI (the catalogue has no blank nodes). */
    OfnNode object(OfnKey key, String iri, OfnType type) {
        OfnNode object = new OfnNode(JSON.objectNode(), iri, type, graph);
        json.set(key.key, object.json);
        add(key, object.subject);
        return object;
    }

    /** One more object in the key's array. */
    OfnNode element(OfnKey key, String iri, OfnType type) {
        OfnNode element = new OfnNode(JSON.objectNode(), iri, type, graph);
        json.withArrayProperty(key.key).add(element.json);
        add(key, element.subject);
        return element;
    }

    private void text(OfnKey key, ObjectNode texts, String language, String text) {
        if (text != null) {
            texts.put(language, text);
            add(key, NodeFactory.createLiteralLang(text, language));
        }
    }

    private void text(OfnKey key, ArrayNode texts, String language, String text) {
        texts.add(text);
        add(key, NodeFactory.createLiteralLang(text, language));
    }

    private void add(OfnKey key, Node object) {
        graph.add(subject, NodeFactory.createURI(key.property), object);
    }
}
