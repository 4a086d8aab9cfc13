package cz.spojka.downloads;

import cz.spojka.store.StoreReader;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;

/**
 * A dataset's graphs as Turtle or N-Triples, every triple written as the store reads it (Jena's streaming writers:
 * Turtle in blocks of one subject, N-Triples line by line), so the size of a download is not bounded by memory.
 */
final class RdfDownload {

    private static final Query EVERY_TRIPLE = QueryFactory.create(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?" + DatasetTable.GRAPH_VARIABLE + " { ?s ?p ?o } }");

    private RdfDownload() {}

    /**
     * @param prefixes declared at the top of a Turtle file (N-Triples has none)
     */
    static void write(
            DownloadFormat format, PrefixMapping prefixes, List<Node> graphs, StoreReader store, OutputStream out) {
        StreamRDF stream = StreamRDFWriter.getWriterStream(
                out, format == DownloadFormat.TURTLE ? RDFFormat.TURTLE_BLOCKS : RDFFormat.NTRIPLES_UTF8);
        stream.start();
        if (format == DownloadFormat.TURTLE) {
            prefixes.getNsPrefixMap().forEach(stream::prefix);
        }
        store.inOneRead(() -> {
            for (Node graph : graphs) {
                store.construct(EVERY_TRIPLE, Map.of(DatasetTable.GRAPH_VARIABLE, graph), stream::triple);
            }
        });
        stream.finish();
    }
}
