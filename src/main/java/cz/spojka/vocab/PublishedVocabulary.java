package cz.spojka.vocab;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
     * The prefixes the ontology files declare (prefix → namespace): the vocabulary's JSON-LD context, with which the
     * change events compact their entities. Two files that give one prefix different namespaces stop the hub, naming
     * both, since an event would otherwise depend on the order of the files.
     */
    public Map<String, String> ontologyPrefixes() {
        Map<String, String> prefixes = new TreeMap<>();
        Map<String, String> declaredIn = new HashMap<>();
        graphs.forEach((graphIri, graph) -> {
            if (!graphIri.startsWith(graphPrefix + "ontology/")) {
                return;
            }
            graph.getPrefixMapping().getNsPrefixMap().forEach((prefix, namespace) -> {
                String earlier = prefixes.putIfAbsent(prefix, namespace);
                if (earlier != null && !earlier.equals(namespace)) {
                    throw new IllegalStateException("The vocabulary gives the prefix '" + prefix
                            + ":' two namespaces: <"
                            + earlier + "> in " + declaredIn.get(prefix) + " and <" + namespace + "> in " + graphIri
                            + "; rename one of them (vocab/ontology/*.ttl)");
                }
                declaredIn.putIfAbsent(prefix, graphIri);
            });
        });
        return Collections.unmodifiableMap(prefixes);
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
                graphs.put(
                        graphPrefix + folder + "/" + name.substring(0, name.length() - ".ttl".length()), parse(file));
            }
        }
        return new PublishedVocabulary(graphPrefix, Collections.unmodifiableMap(graphs));
    }

    static List<Path> turtleFiles(Path folder) {
        return VocabFolder.files(folder, ".ttl");
    }

    /** The triples of a Turtle file; a file that is not valid Turtle stops the hub with its name. */
    static Graph parse(Path file) {
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
