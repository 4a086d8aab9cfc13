package cz.spojka.catalog;

import com.apicatalog.jsonld.JsonLdOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import cz.spojka.mapping.OfflineContextLoader;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;

/**
 * Reads the catalogue's JSON-LD documents into RDF with the official context, as NKOD reads them: the Turtle and the
 * store then hold exactly what the JSON-LD says. The context is the bundled copy, never fetched.
 */
final class JsonLdGraphs {

    private final Context parserContext;

    JsonLdGraphs(OfflineContextLoader contexts) {
        this.parserContext = Context.create().set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(contexts));
    }

    Graph read(ObjectNode document) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(document.toString(), Lang.JSONLD)
                .context(parserContext)
                .parse(graph);
        return graph;
    }
}
