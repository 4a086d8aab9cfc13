package cz.spojka.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * An entity as a compact JSON-LD node object: an inline {@code @context} with the vocabulary prefixes the entity
 * uses, compact IRIs ({@code dcterms:title}) for properties, classes, datatypes and linked IRIs, a single value
 * without an array, a plain string for an {@code xsd:string}, and the entity's blank nodes embedded as nested node
 * objects. Any JSON-LD 1.1 processor reads it offline (the context is inline), and the materializer reads it back here
 * without one, which keeps the change log fast to replay. {@link #read} also reads the expanded form that events
 * carried before (full IRIs, every value in an array, no context).
 */
public final class EntityJsonLd {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String RDF_TYPE = RDF.type.getURI();
    private static final String CONTEXT = "@context";

    private EntityJsonLd() {}

    /** The entity {@code subject} of {@code graph}, compacted with {@code prefixes}. */
    public static ObjectNode write(Graph graph, Node subject, CompactIris prefixes) {
        Map<String, String> used = new TreeMap<>();
        ObjectNode body = node(graph, subject, prefixes, used);
        ObjectNode entity = JSON.objectNode();
        ObjectNode context = entity.putObject(CONTEXT);
        used.forEach(context::put);
        entity.setAll(body);
        return entity;
    }

    private static ObjectNode node(Graph graph, Node subject, CompactIris prefixes, Map<String, String> used) {
        ObjectNode node = JSON.objectNode();
        if (subject.isURI()) {
            node.put("@id", prefixes.compact(subject.getURI(), used));
        }
        List<String> types = new ArrayList<>();
        Map<String, List<JsonNode>> properties = new TreeMap<>();
        for (Triple t : graph.find(subject, Node.ANY, Node.ANY).toList()) {
            String predicate = t.getPredicate().getURI();
            if (predicate.equals(RDF_TYPE) && t.getObject().isURI()) {
                types.add(prefixes.compact(t.getObject().getURI(), used));
            } else {
                properties
                        .computeIfAbsent(prefixes.compact(predicate, used), p -> new ArrayList<>())
                        .add(value(graph, t.getObject(), prefixes, used));
            }
        }
        types.sort(null);
        putCompacted(node, "@type", types.stream().<JsonNode>map(JSON::textNode).toList());
        properties.forEach((property, values) -> putCompacted(node, property, values));
        return node;
    }

    /** One value as itself, several as an array (JSON-LD's compacted arrays). */
    private static void putCompacted(ObjectNode node, String key, List<JsonNode> values) {
        if (values.size() == 1) {
            node.set(key, values.get(0));
        } else if (!values.isEmpty()) {
            node.putArray(key).addAll(values);
        }
    }

    private static JsonNode value(Graph graph, Node object, CompactIris prefixes, Map<String, String> used) {
        if (object.isURI()) {
            return JSON.objectNode().put("@id", prefixes.compact(object.getURI(), used));
        }
        if (object.isBlank()) {
            return node(graph, object, prefixes, used);
        }
        String lang = object.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            return JSON.objectNode()
                    .put("@value", object.getLiteralLexicalForm())
                    .put("@language", lang);
        }
        if (XSDDatatype.XSDstring.getURI().equals(object.getLiteralDatatypeURI())) {
            return JSON.textNode(object.getLiteralLexicalForm());
        }
        return JSON.objectNode()
                .put("@value", object.getLiteralLexicalForm())
                .put("@type", prefixes.compact(object.getLiteralDatatypeURI(), used));
    }

    /** Reads an entity written by {@link #write}, or in the expanded form of older events, back into triples. */
    public static Graph read(JsonNode entity) {
        Graph graph = GraphFactory.createDefaultGraph();
        JsonNode context = entity.path(CONTEXT);
        read(graph, entity, context);
        return graph;
    }

    private static Node read(Graph graph, JsonNode node, JsonNode context) {
        Node subject = node.has("@id")
                ? NodeFactory.createURI(CompactIris.expand(node.get("@id").asText(), context))
                : NodeFactory.createBlankNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals("@type")) {
                for (JsonNode type : values(field.getValue())) {
                    graph.add(
                            subject,
                            RDF.type.asNode(),
                            NodeFactory.createURI(CompactIris.expand(type.asText(), context)));
                }
            } else if (!key.startsWith("@")) {
                Node predicate = NodeFactory.createURI(CompactIris.expand(key, context));
                for (JsonNode value : values(field.getValue())) {
                    graph.add(subject, predicate, object(graph, value, context));
                }
            }
        }
        return subject;
    }

    private static Iterable<JsonNode> values(JsonNode value) {
        return value.isArray() ? value : List.of(value);
    }

    private static Node object(Graph graph, JsonNode value, JsonNode context) {
        if (value.isTextual()) {
            return NodeFactory.createLiteralString(value.asText());
        }
        if (value.has("@value")) {
            String lexical = value.get("@value").asText();
            if (value.has("@language")) {
                return NodeFactory.createLiteralLang(
                        lexical, value.get("@language").asText());
            }
            if (value.has("@type")) {
                RDFDatatype type = TypeMapper.getInstance()
                        .getSafeTypeByName(CompactIris.expand(value.get("@type").asText(), context));
                return NodeFactory.createLiteralDT(lexical, type);
            }
            return NodeFactory.createLiteralString(lexical);
        }
        if (value.has("@id") && value.size() == 1) {
            return NodeFactory.createURI(CompactIris.expand(value.get("@id").asText(), context));
        }
        return read(graph, value, context);
    }
}
