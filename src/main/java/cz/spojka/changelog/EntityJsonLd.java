package cz.spojka.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * An entity as a JSON-LD node object in expanded form: full IRIs, {@code @value}/{@code @language}/{@code @type}
 * literals, and the entity's blank nodes embedded as nested node objects. Any JSON-LD 1.1 processor reads it
 * without a context; the materializer reads it back here without one, which keeps the change log fast to replay.
 */
public final class EntityJsonLd {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String RDF_TYPE = RDF.type.getURI();

    private EntityJsonLd() {}

    public static ObjectNode write(Graph graph, Node subject) {
        ObjectNode node = JSON.objectNode();
        if (subject.isURI()) {
            node.put("@id", subject.getURI());
        }
        List<Triple> triples = graph.find(subject, Node.ANY, Node.ANY).toList();
        for (Triple t : triples) {
            String predicate = t.getPredicate().getURI();
            if (predicate.equals(RDF_TYPE) && t.getObject().isURI()) {
                node.withArray("@type").add(t.getObject().getURI());
            } else {
                node.withArray(predicate).add(value(graph, t.getObject()));
            }
        }
        return node;
    }

    private static JsonNode value(Graph graph, Node object) {
        if (object.isURI()) {
            return JSON.objectNode().put("@id", object.getURI());
        }
        if (object.isBlank()) {
            return write(graph, object);
        }
        ObjectNode literal = JSON.objectNode().put("@value", object.getLiteralLexicalForm());
        String lang = object.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            literal.put("@language", lang);
        } else if (!XSDDatatype.XSDstring.getURI().equals(object.getLiteralDatatypeURI())) {
            literal.put("@type", object.getLiteralDatatypeURI());
        }
        return literal;
    }

    /** Reads an entity written by {@link #write} back into triples. */
    public static Graph read(JsonNode entity) {
        Graph graph = GraphFactory.createDefaultGraph();
        read(graph, entity);
        return graph;
    }

    private static Node read(Graph graph, JsonNode node) {
        Node subject =
                node.has("@id") ? NodeFactory.createURI(node.get("@id").asText()) : NodeFactory.createBlankNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals("@id")) {
                continue;
            }
            if (key.equals("@type")) {
                for (JsonNode type : (ArrayNode) field.getValue()) {
                    graph.add(subject, RDF.type.asNode(), NodeFactory.createURI(type.asText()));
                }
                continue;
            }
            Node predicate = NodeFactory.createURI(key);
            for (JsonNode value : field.getValue()) {
                graph.add(subject, predicate, object(graph, value));
            }
        }
        return subject;
    }

    private static Node object(Graph graph, JsonNode value) {
        if (value.has("@value")) {
            String lexical = value.get("@value").asText();
            if (value.has("@language")) {
                return NodeFactory.createLiteralLang(
                        lexical, value.get("@language").asText());
            }
            if (value.has("@type")) {
                RDFDatatype type = TypeMapper.getInstance()
                        .getSafeTypeByName(value.get("@type").asText());
                return NodeFactory.createLiteralDT(lexical, type);
            }
            return NodeFactory.createLiteralString(lexical);
        }
        if (value.has("@id") && value.size() == 1) {
            return NodeFactory.createURI(value.get("@id").asText());
        }
        return read(graph, value);
    }
}
