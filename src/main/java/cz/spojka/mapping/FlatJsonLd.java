package cz.spojka.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * JSON-LD to RDF for the flat contexts connectors use — terms, prefixes, {@code @vocab}, {@code @id}/{@code @type}
 * aliases, type coercion, language maps, reverse properties and type-scoped term overrides — about ten times faster
 * than the general JSON-LD 1.1 processor, which rebuilds its active context for every document. {@link #compile}
 * accepts a context only when every feature in it is one of these; any other context is left to Jena's processor.
 * Tests check that both produce the same graph on the real samples.
 */
final class FlatJsonLd {

    private static final Set<String> CONTEXT_KEYWORDS = Set.of("@version", "@vocab");
    private static final Set<String> TERM_KEYS = Set.of("@id", "@type", "@container", "@reverse", "@context");
    private static final Node RDF_TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

    /** One term: the property IRI, and how its values are read. */
    private record Term(String iri, boolean reverse, String coercion, boolean languageMap, Terms scoped) {}

    /** The terms of a context, with the keyword aliases and the vocabulary. */
    private record Terms(Map<String, Term> terms, String idAlias, String typeAlias, String vocab) {}

    private final Terms context;

    private FlatJsonLd(Terms context) {
        this.context = context;
    }

    /** The fast reader for this context, or {@code null} when the context uses a feature it does not cover. */
    static FlatJsonLd compile(JsonNode context) {
        Terms terms = terms(context, null);
        return terms == null ? null : new FlatJsonLd(terms);
    }

    private static Terms terms(JsonNode context, Terms outer) {
        if (context == null || !context.isObject()) {
            return null;
        }
        Map<String, String> prefixes = new HashMap<>();
        if (outer != null) {
            outer.terms().forEach((name, term) -> prefixes.put(name, term.iri()));
        }
        Map<String, JsonNode> definitions = new TreeMap<>();
        String idAlias = outer == null ? "@id" : outer.idAlias();
        String typeAlias = outer == null ? "@type" : outer.typeAlias();
        String vocab = outer == null ? null : outer.vocab();
        for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("@")) {
                if (!CONTEXT_KEYWORDS.contains(key)) {
                    return null;
                }
                if (key.equals("@vocab")) {
                    vocab = value.asText();
                }
            } else if ("@id".equals(value.asText())) {
                idAlias = key;
            } else if ("@type".equals(value.asText())) {
                typeAlias = key;
            } else if (value.isTextual()) {
                prefixes.put(key, value.asText());
                definitions.put(key, value);
            } else if (value.isObject()) {
                definitions.put(key, value);
            } else {
                return null;
            }
        }
        Map<String, Term> terms = new HashMap<>(outer == null ? Map.of() : outer.terms());
        Terms partial = new Terms(terms, idAlias, typeAlias, vocab);
        // Terms with a scoped context come last: their context may use any prefix of this one.
        for (boolean scoped : new boolean[] {false, true}) {
            for (Map.Entry<String, JsonNode> definition : definitions.entrySet()) {
                if (definition.getValue().has("@context") != scoped) {
                    continue;
                }
                Term term = term(definition.getValue(), prefixes, partial);
                if (term == null) {
                    return null;
                }
                terms.put(definition.getKey(), term);
            }
        }
        return partial;
    }

    private static Term term(JsonNode definition, Map<String, String> prefixes, Terms outer) {
        if (definition.isTextual()) {
            return new Term(expand(definition.asText(), prefixes), false, null, false, null);
        }
        for (Iterator<String> keys = definition.fieldNames(); keys.hasNext(); ) {
            if (!TERM_KEYS.contains(keys.next())) {
                return null;
            }
        }
        boolean reverse = definition.has("@reverse");
        String id = reverse
                ? definition.get("@reverse").asText()
                : definition.path("@id").asText(null);
        String container = definition.path("@container").asText(null);
        if (id == null || (container != null && !container.equals("@language"))) {
            return null;
        }
        String coercion = definition.has("@type") ? definition.get("@type").asText() : null;
        if (coercion != null && coercion.startsWith("@") && !coercion.equals("@id")) {
            return null;
        }
        if (coercion != null && !coercion.equals("@id")) {
            coercion = expand(coercion, prefixes);
        }
        Terms scoped = null;
        if (definition.has("@context")) {
            scoped = terms(definition.get("@context"), outer);
            if (scoped == null) {
                return null;
            }
        }
        String iri = expand(id, prefixes);
        return IRIs.check(iri) && iri.contains(":")
                ? new Term(iri, reverse, coercion, "@language".equals(container), scoped)
                : null;
    }

    private static String expand(String value, Map<String, String> prefixes) {
        int colon = value.indexOf(':');
        if (colon > 0 && !value.startsWith("//", colon + 1)) {
            String prefix = prefixes.get(value.substring(0, colon));
            if (prefix != null) {
                return prefix + value.substring(colon + 1);
            }
        }
        return value;
    }

    /** The RDF of one JSON object; throws {@link MappingException} on data the context cannot read. */
    Graph toRdf(JsonNode document) {
        Graph graph = GraphFactory.createDefaultGraph();
        node(graph, document, context, new HashMap<>());
        return graph;
    }

    private Node node(Graph graph, JsonNode object, Terms active, Map<String, Node> blankNodes) {
        JsonNode id = object.get(active.idAlias());
        Node subject = id == null
                ? NodeFactory.createBlankNode()
                : reference(expandReference(id.asText(), active), blankNodes);
        Terms terms = active;
        JsonNode types = object.get(active.typeAlias());
        List<String> typeNames = new ArrayList<>();
        if (types != null) {
            (types.isArray() ? types : List.of(types)).forEach(t -> typeNames.add(t.asText()));
            typeNames.sort(null);
            for (String type : typeNames) {
                Term term = active.terms().get(type);
                if (term != null && term.scoped() != null) {
                    terms = term.scoped();
                }
            }
            for (String type : typeNames) {
                graph.add(subject, RDF_TYPE, NodeFactory.createURI(vocabIri(type, active)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equals(active.idAlias()) || key.equals(active.typeAlias()) || key.equals("@context")) {
                continue;
            }
            if (key.startsWith("@") || key.isEmpty()) {
                throw new MappingException("the key '" + key + "' needs the general JSON-LD processor");
            }
            Term term = terms.terms().get(key);
            if (term != null && term.scoped() != null) {
                throw new MappingException(
                        "the property-scoped context of '" + key + "' needs the general" + " JSON-LD processor");
            }
            String property = term != null ? term.iri() : propertyIri(key, terms);
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
            Term term,
            JsonNode value,
            Terms active,
            Map<String, Node> blankNodes) {
        if (value.isArray()) {
            value.forEach(item -> values(graph, subject, property, term, item, active, blankNodes));
            return;
        }
        Node predicate = NodeFactory.createURI(property);
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

    private Node object(Graph graph, Term term, JsonNode value, Terms active, Map<String, Node> blankNodes) {
        if (value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            return value.has("@value") ? valueObject(value, active) : node(graph, value, active, blankNodes);
        }
        String coercion = term == null ? null : term.coercion();
        if ("@id".equals(coercion)) {
            if (value.isTextual()) {
                return reference(expandReference(value.asText(), active), blankNodes);
            }
            coercion = null;
        }
        if (value.isTextual()) {
            return coercion == null ? NodeFactory.createLiteralString(value.asText()) : typed(value.asText(), coercion);
        }
        if (value.isBoolean()) {
            return typed(value.asText(), coercion == null ? XSDDatatype.XSDboolean.getURI() : coercion);
        }
        if (value.isIntegralNumber() && (coercion == null || !coercion.equals(XSDDatatype.XSDdouble.getURI()))) {
            return typed(
                    value.bigIntegerValue().toString(), coercion == null ? XSDDatatype.XSDinteger.getURI() : coercion);
        }
        throw new MappingException("the JSON number " + value + " needs the general JSON-LD processor");
    }

    private static Node valueObject(JsonNode value, Terms active) {
        String lexical = value.get("@value").asText();
        if (value.has("@language")) {
            return NodeFactory.createLiteralLang(lexical, value.get("@language").asText());
        }
        if (value.has("@type")) {
            return typed(lexical, vocabIri(value.get("@type").asText(), active));
        }
        return NodeFactory.createLiteralString(lexical);
    }

    private static Node typed(String lexical, String datatype) {
        return NodeFactory.createLiteralDT(lexical, TypeMapper.getInstance().getSafeTypeByName(datatype));
    }

    /** An IRI given as a value: a compact IRI whose prefix is a term is expanded, anything else is kept. */
    private static String expandReference(String id, Terms active) {
        int colon = id.indexOf(':');
        if (colon > 0 && !id.startsWith("_:") && !id.startsWith("//", colon + 1)) {
            Term prefix = active.terms().get(id.substring(0, colon));
            if (prefix != null) {
                return prefix.iri() + id.substring(colon + 1);
            }
        }
        return id;
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

    private static String vocabIri(String type, Terms active) {
        Term term = active.terms().get(type);
        if (term != null) {
            return term.iri();
        }
        String iri = propertyIri(type, active);
        if (iri == null) {
            throw new MappingException("the type '" + type + "' is not defined by the context");
        }
        return iri;
    }

    /** A key that is not a term: a compact IRI, an absolute IRI, or a word of the vocabulary; null drops it. */
    private static String propertyIri(String key, Terms terms) {
        int colon = key.indexOf(':');
        if (colon > 0) {
            Term prefix = terms.terms().get(key.substring(0, colon));
            return prefix != null && !key.startsWith("//", colon + 1) ? prefix.iri() + key.substring(colon + 1) : key;
        }
        return terms.vocab() == null ? null : terms.vocab() + key;
    }
}
