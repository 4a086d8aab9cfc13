package cz.spojka.downloads;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/** Writes one OFN JSON-LD document from the triples that describe its root entity. */
@FunctionalInterface
interface OfnDocument {

    /**
     * @param description what {@link OfnDownload#description()} read for the root: its triples and those of the
     *     entities and blank nodes the document includes
     * @param root the entity the document is about
     */
    void write(Graph description, Node root, JsonGenerator json) throws IOException;

    /** Opens the document with what every OFN document starts with: its context, type and IRI. */
    static void start(JsonGenerator json, String context, String type, Node root) throws IOException {
        json.writeStartObject();
        json.writeStringField("@context", context);
        json.writeStringField("typ", type);
        json.writeStringField("iri", root.getURI());
    }
}
