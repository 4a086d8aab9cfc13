package cz.spojka.vocab;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;

/**
 * Where the SHACL shape of each entity class can be read: {@code <base>vocab/shapes/<file>#<shape>}, the URL of
 * the file the hub serves ({@link ShapesController}) and, as its fragment, the shape's local name (the part of its
 * IRI after {@code #}, percent-encoded). Change events name it as their {@code dataschema}. A class is described by
 * the shape that targets it with {@code sh:targetClass}; the blank nodes inside an entity have shapes of their own
 * in the same file.
 */
public final class EntityShapes {

    /** The files under {@code vocab/} that are served, and the folder of their URL. */
    static final String FOLDER = "shapes";

    private final Map<String, URI> byClass;

    private EntityShapes(Map<String, URI> byClass) {
        this.byClass = byClass;
    }

    /** Class IRI → the URL of its shape. */
    public Map<String, URI> byClass() {
        return byClass;
    }

    /** Reads every {@code vocab/shapes/*.ttl}, at start-up; a file that is not valid Turtle stops the hub. */
    public static EntityShapes read(Path vocabDir, String baseIri) {
        Map<String, URI> byClass = new TreeMap<>();
        for (Path file : PublishedVocabulary.turtleFiles(vocabDir.resolve(FOLDER))) {
            Graph shapes = PublishedVocabulary.parse(file);
            String url = baseIri + "vocab/" + FOLDER + "/" + file.getFileName();
            List<Triple> targets =
                    shapes.find(Node.ANY, SHACL.targetClass, Node.ANY).toList();
            for (Triple target : targets) {
                if (!target.getSubject().isURI() || !target.getObject().isURI()) {
                    continue;
                }
                String shape = target.getSubject().getURI();
                String fragment = shape.substring(shape.lastIndexOf('#') + 1);
                byClass.putIfAbsent(
                        target.getObject().getURI(),
                        URI.create(url + "#" + URLEncoder.encode(fragment, StandardCharsets.UTF_8)));
            }
        }
        return new EntityShapes(Collections.unmodifiableMap(byClass));
    }
}
