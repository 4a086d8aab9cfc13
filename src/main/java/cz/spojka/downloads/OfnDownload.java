package cz.spojka.downloads;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import cz.spojka.store.StoreReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The documents of one open formal norm (OFN) built from a dataset's graphs, as a JSON array: one document per root
 * entity (a notice board with its notices, a container). The roots are listed as the store reads them, and each
 * document is read and written before the next, so memory holds one document at a time.
 *
 * @param name the download's name: {@code /data/<name>.jsonld}
 * @param dataset the dataset whose graphs hold the entities
 * @param titleCs the OFN's Czech title
 * @param titleEn its English title
 * @param standard the OFN's IRI
 * @param schema the JSON Schema every document conforms to
 * @param roots a SELECT of {@code ?document} inside {@code GRAPH ?graph}
 * @param description a CONSTRUCT of what one document needs, with {@code ?graph} and {@code ?document} bound
 * @param document writes one document from that description
 */
record OfnDownload(
        String name,
        String dataset,
        String titleCs,
        String titleEn,
        String standard,
        String schema,
        Query roots,
        Query description,
        OfnDocument document) {

    static final String MEDIA_TYPE = "application/ld+json";
    /** The documents' item of the EU file-type table. */
    static final String FILE_TYPE = "JSON_LD";

    static final String ROOT_VARIABLE = "document";
    private static final JsonFactory JSON =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** The download as the catalogue names it. */
    DownloadFile file() {
        return new DownloadFile(
                name + ".jsonld",
                MEDIA_TYPE,
                FILE_TYPE,
                "Dokumenty OFN " + titleCs + " (JSON-LD)",
                "Documents of the OFN " + titleEn + " (JSON-LD)",
                standard,
                schema);
    }

    void write(List<Node> graphs, StoreReader store, OutputStream out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartArray();
        try {
            store.inOneRead(() -> {
                for (Node graph : graphs) {
                    store.select(roots, Map.of(DatasetTable.GRAPH_VARIABLE, graph), row -> {
                        Node root = row.get(ROOT_VARIABLE);
                        Graph triples = GraphFactory.createDefaultGraph();
                        store.construct(
                                description,
                                Map.of(DatasetTable.GRAPH_VARIABLE, graph, ROOT_VARIABLE, root),
                                triples::add);
                        try {
                            document.write(triples, root, json);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
        json.flush();
    }
}
