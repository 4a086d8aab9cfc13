package cz.spojka.vocab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The part of {@code vocab/} the hub publishes beside the data: the ontology, the codelists, the reference data and the
 * SHACL shapes, one named graph per Turtle file, {@code <base>vocab/<folder>/<file name without .ttl>} (e.g.
 * {@code <base>vocab/codelists/rozpoctova-skladba-paragrafy}). The data links to the codelists' concepts and to the
 * municipalities of the reference data by IRI only; their labels, hierarchy and points come from here.
 */
public final class PublishedVocabulary {

    /** The folders of {@code vocab/} that are published. */
    static final List<String> FOLDERS = List.of("ontology", "codelists", "reference", "shapes");

    private final String graphPrefix;
    private final Map<String, Graph> graphs;

    private PublishedVocabulary(String graphPrefix, Map<String, Graph> graphs) {
        this.graphPrefix = graphPrefix;
        this.graphs = graphs;
    }

    public String graphPrefix() {
        return graphPrefix;
    }

    /** Graph IRI → the file's triples, in file order. */
    public Map<String, Graph> graphs() {
        return graphs;
    }

    /** The graphs of the files in one folder ({@code "shapes"}), by graph IRI. */
    Map<String, Graph> graphsIn(String folder) {
        Map<String, Graph> inFolder = new LinkedHashMap<>();
        graphs.forEach((iri, graph) -> {
            if (iri.startsWith(graphPrefix + folder + "/")) {
                inFolder.put(iri, graph);
            }
        });
        return inFolder;
    }

    /**
     * Reads every published file, at start-up: a file that is not valid Turtle stops the hub with its name.
     *
     * @param graphPrefix {@code <base>vocab/}
     */
    public static PublishedVocabulary read(Path vocabDir, String graphPrefix) {
        Map<String, Graph> graphs = new LinkedHashMap<>();
        for (String folder : FOLDERS) {
            for (Path file : turtleFiles(vocabDir.resolve(folder))) {
                String name = file.getFileName().toString();
                graphs.put(graphPrefix + folder + "/" + name.substring(0, name.length() - ".ttl".length()), read(file));
            }
        }
        return new PublishedVocabulary(graphPrefix, Collections.unmodifiableMap(graphs));
    }

    private static List<Path> turtleFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ttl"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot list the vocabulary in " + folder.toAbsolutePath() + " (spojka.vocab-dir): "
                            + e.getMessage(),
                    e);
        }
    }

    private static Graph read(Path file) {
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(file).parse(graph);
        } catch (RiotException e) {
            throw new IllegalStateException(
                    "The vocabulary file " + file.toAbsolutePath() + " (spojka.vocab-dir) is not valid Turtle: "
                            + e.getMessage(),
                    e);
        }
        return graph;
    }
}
