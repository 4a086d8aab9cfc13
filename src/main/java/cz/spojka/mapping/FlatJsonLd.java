package cz.spojka.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * JSON-LD to RDF for the flat contexts connectors use — terms, prefixes, {@code @vocab}, {@code @id}/{@code @type}
 * aliases, type coercion, language maps, lists, reverse properties and type-scoped term overrides — about ten times
 * faster than the general JSON-LD 1.1 processor, which rebuilds its active context for every document. {@link #compile}
 * accepts a context only when every feature in it is one of these; any other context is left to Jena's processor.
 * Tests check that both produce the same graph on the real samples. {@link FlatContext} decides what a context means.
 */
final class FlatJsonLd {

    private static final BigDecimal DOUBLE_FROM = BigDecimal.ONE.movePointRight(21);
    /** The JSON-LD 1.1 processor's form of an xsd:double (e.g. {@code 1.66E1}); a DecimalFormat is not thread-safe. */
    private static final ThreadLocal<DecimalFormat> DOUBLE_FORMAT = ThreadLocal.withInitial(() -> {
        DecimalFormat format = new DecimalFormat("0.0##############E0", new DecimalFormatSymbols(Locale.ENGLISH));
        format.setMinimumFractionDigits(1);
        return format;
    });

    private final FlatContext context;

    private FlatJsonLd(FlatContext context) {
        this.context = context;
    }

    /** The fast reader for this context, or {@code null} when the context uses a feature it does not cover. */
    static FlatJsonLd compile(JsonNode context) {
        FlatContext compiled = FlatContext.compile(context);
        return compiled == null ? null : new FlatJsonLd(compiled);
    }

    /** The RDF of one JSON object; throws {@link MappingException} on data the context cannot read. */
    Graph toRdf(JsonNode document) {
        Graph graph = GraphFactory.createDefaultGraph();
        node(graph, document, context, new HashMap<>());
        return graph;
    }

    private Node node(Graph graph, JsonNode object, FlatContext active, Map<String, Node> blankNodes) {
        JsonNode id = object.get(active.idAlias());
        Node subject =
                id == null ? NodeFactory.createBlankNode() : reference(active.expandReference(id.asText()), blankNodes);
        FlatContext terms = active;
        JsonNode types = object.get(active.typeAlias());
        List<String> typeNames = new ArrayList<>();
        if (types != null) {
            (types.isArray() ? types : List.of(types)).forEach(t -> typeNames.add(t.asText()));
            typeNames.sort(null);
            for (String type : typeNames) {
                FlatContext.Term term = active.terms().get(type);
                if (term != null && term.scoped() != null) {
                    terms = term.scoped();
                }
            }
            for (String type : typeNames) {
                graph.add(subject, RDF.Nodes.type, NodeFactory.createURI(active.vocabIri(type)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals(active.idAlias()) || key.equals(active.typeAlias()) || key.equals("@context")) {
                continue;
            }
            if (key.startsWith("@")) {
                throw new MappingException("the key '" + key + "' needs the general JSON-LD processor");
            }
            FlatContext.Term term = terms.terms().get(key);
            if (term != null && term.scoped() != null) {
                throw new MappingException(
                        "the property-scoped context of '" + key + "' needs the general" + " JSON-LD processor");
            }
            String property = term != null ? term.iri() : terms.propertyIri(key);
            if (property != null) {
                values(graph, subject, property, term, field.getValue(), active, blankNodes);
            }
        }
        return subject;
    }

    private void values(
            Graph graph,
            Node subject,
            String property,
            FlatContext.Term term,
            JsonNode value,
            FlatContext active,
            Map<String, Node> blankNodes) {
        Node predicate = NodeFactory.createURI(property);
        if (term != null && term.list()) {
            graph.add(subject, predicate, list(graph, term, value, active, blankNodes));
            return;
        }
        if (value.isArray()) {
            value.forEach(item -> values(graph, subject, property, term, item, active, blankNodes));
            return;
        }
        if (term != null && term.languageMap()) {
            languageMap(graph, subject, predicate, value);
            return;
        }
        Node object = object(graph, term, value, active, blankNodes);
        if (object == null) {
            return;
        }
        if (term != null && term.reverse()) {
            graph.add(object, predicate, subject);
        } else {
            graph.add(subject, predicate, object);
        }
    }

    /** An RDF list of the values in order; a single value is a list of one, an array inside a list a nested list. */
    private Node list(
            Graph graph, FlatContext.Term term, JsonNode value, FlatContext active, Map<String, Node> blankNodes) {
        List<JsonNode> items = new ArrayList<>();
        (value.isArray() ? value : List.of(value)).forEach(items::add);
        Node rest = RDF.Nodes.nil;
        for (int i = items.size() - 1; i >= 0; i--) {
            JsonNode item = items.get(i);
            Node first = item.isArray()
                    ? list(graph, term, item, active, blankNodes)
                    : object(graph, term, item, active, blankNodes);
            if (first != null) {
                Node cell = NodeFactory.createBlankNode();
                graph.add(cell, RDF.Nodes.first, first);
                graph.add(cell, RDF.Nodes.rest, rest);
                rest = cell;
            }
        }
        return rest;
    }

    private static void languageMap(Graph graph, Node subject, Node predicate, JsonNode map) {
        if (!map.isObject()) {
            throw new MappingException("a language map must be an object, not " + map);
        }
        map.fields().forEachRemaining(entry -> {
            for (JsonNode text : entry.getValue().isArray() ? entry.getValue() : List.of(entry.getValue())) {
                if (text.isNull()) {
                    continue;
                }
                if (!text.isTextual() || entry.getKey().startsWith("@")) {
                    throw new MappingException("a language map holds strings by language tag, not " + entry);
                }
                graph.add(subject, predicate, NodeFactory.createLiteralLang(text.asText(), entry.getKey()));
            }
        });
    }

    private Node object(
            Graph graph, FlatContext.Term term, JsonNode value, FlatContext active, Map<String, Node> blankNodes) {
        if (value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            return value.has("@value") ? valueObject(value, active) : node(graph, value, active, blankNodes);
        }
        String coercion = term == null ? null : term.coercion();
        if ("@id".equals(coercion)) {
            if (value.isTextual()) {
                return reference(active.expandReference(value.asText()), blankNodes);
            }
            coercion = null;
        }
        if (value.isTextual()) {
            return coercion == null ? NodeFactory.createLiteralString(value.asText()) : typed(value.asText(), coercion);
        }
        if (value.isBoolean()) {
            return typed(value.asText(), coercion == null ? XSDDatatype.XSDboolean.getURI() : coercion);
        }
        if (value.isNumber()) {
            return number(value, coercion);
        }
        throw new MappingException("the JSON value " + value + " needs the general JSON-LD processor");
    }

    /**
     * A number as the JSON-LD 1.1 processor writes it: one with a fractional part, or of at least 10^21, or coerced
     * to xsd:double or xsd:float, in the double form; any other as an integer ({@code 2.0} is {@code 2}).
     */
    private static Node number(JsonNode value, String coercion) {
        BigDecimal decimal = value.decimalValue();
        boolean fractional = !value.isIntegralNumber() && value.doubleValue() % -1 != 0;
        if (fractional
                || XSDDatatype.XSDdouble.getURI().equals(coercion)
                || XSDDatatype.XSDfloat.getURI().equals(coercion)
                || decimal.compareTo(DOUBLE_FROM) >= 0) {
            return typed(
                    DOUBLE_FORMAT.get().format(decimal), coercion == null ? XSDDatatype.XSDdouble.getURI() : coercion);
        }
        return typed(decimal.toBigInteger().toString(), coercion == null ? XSDDatatype.XSDinteger.getURI() : coercion);
    }

    private static Node valueObject(JsonNode value, FlatContext active) {
        String lexical = value.get("@value").asText();
        if (value.has("@language")) {
            return NodeFactory.createLiteralLang(lexical, value.get("@language").asText());
        }
        if (value.has("@type")) {
            return typed(lexical, active.vocabIri(value.get("@type").asText()));
        }
        return NodeFactory.createLiteralString(lexical);
    }

    private static Node typed(String lexical, String datatype) {
        return NodeFactory.createLiteralDT(lexical, TypeMapper.getInstance().getSafeTypeByName(datatype));
    }

    private static Node reference(String id, Map<String, Node> blankNodes) {
        if (id.startsWith("_:")) {
            return blankNodes.computeIfAbsent(id, label -> NodeFactory.createBlankNode());
        }
        if (!id.contains(":")) {
            throw new MappingException("the relative IRI '" + id + "' has no base to resolve against");
        }
        return NodeFactory.createURI(id);
    }
}
