package cz.spojka.downloads;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * A container as one document of OFN Nádoby na tříděný odpad 2022-04-19, valid against its schema
 * {@code nádoba-na-tříděný-odpad.json}. The fill-level sensors say only which container they measure: its type of
 * waste, volume, site and collection times, the norm's other keys, are not in the data, so the document names the
 * container and nothing the hub does not know.
 */
final class WasteContainerDocument implements OfnDocument {

    static final String CONTEXT =
            "https://ofn.gov.cz/nádoby-na-tříděný-odpad/2022-04-19/kontexty/nádoby-na-tříděný-odpad.jsonld";
    static final String CONTAINER =
            "https://slovník.gov.cz/datový/nádoby-na-tříděný-odpad/pojem/nádoba-na-tříděný-odpad";

    @Override
    public void write(Graph description, Node root, JsonGenerator json) throws IOException {
        OfnDocument.start(json, CONTEXT, "Nádoba na tříděný odpad", root);
        json.writeEndObject();
    }
}
