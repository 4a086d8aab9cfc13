package cz.spojka.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** The pieces of the catalogue's JSON-LD, in the keys of the OFN "DCAT-AP-CZ: Rozhraní katalogů otevřených dat". */
final class OfnJson {

    /** The norm's official context, 2024-05-28 (bundled in {@code vocab/contexts/}). */
    static final String CONTEXT = "https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/kontexty/"
            + "rozhraní-katalogů-otevřených-dat.jsonld";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OfnJson() {}

    /** A document: the context, then the IRI and type of what it describes. */
    static ObjectNode document(String iri, String type) {
        ObjectNode document = JSON.objectNode().put("@context", CONTEXT);
        document.setAll(node(iri, type));
        return document;
    }

    /** An object inside a document, named by its IRI (the catalogue has no blank nodes). */
    static ObjectNode node(String iri, String type) {
        return JSON.objectNode().put("iri", iri).put("typ", type);
    }

    /** A text in Czech and English; a language without a text is left out. */
    static ObjectNode texts(String cs, String en) {
        ObjectNode texts = JSON.objectNode();
        if (cs != null) {
            texts.put("cs", cs);
        }
        if (en != null) {
            texts.put("en", en);
        }
        return texts;
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
