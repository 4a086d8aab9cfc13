package cz.spojka.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.irix.IRIs;

/**
 * A flat JSON-LD context, compiled for {@link FlatJsonLd}: its terms, the aliases of {@code @id} and {@code @type},
 * and the vocabulary. {@link #compile} returns {@code null} for a context with any feature outside that set, which
 * then stays with the JSON-LD 1.1 processor.
 */
record FlatContext(Map<String, Term> terms, String idAlias, String typeAlias, String vocab) {

    private static final Set<String> CONTEXT_KEYWORDS = Set.of("@version", "@vocab");
    private static final Set<String> TERM_KEYS = Set.of("@id", "@type", "@container", "@reverse", "@context");

    /**
     * One term: the property IRI, and how its values are read ({@code list}: an ordered RDF list, the
     * {@code @list} container).
     */
    record Term(String iri, boolean reverse, String coercion, boolean languageMap, boolean list, FlatContext scoped) {}

    /** The compiled context, or {@code null} when it uses a feature the fast reader does not cover. */
    static FlatContext compile(JsonNode context) {
        return terms(context, null);
    }

    private static FlatContext terms(JsonNode context, FlatContext outer) {
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
            if (key.isEmpty()) {
                // JSON-LD 1.1 forbids defining the empty term; the processor reports that error.
                return null;
            }
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
        FlatContext partial = new FlatContext(terms, idAlias, typeAlias, vocab);
        // FlatContext with a scoped context come last: their context may use any prefix of this one.
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

    private static Term term(JsonNode definition, Map<String, String> prefixes, FlatContext outer) {
        if (definition.isTextual()) {
            return new Term(expand(definition.asText(), prefixes), false, null, false, false, null);
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
        // A reversed list is an error, which the JSON-LD processor reports.
        if (id == null
                || (container != null && !container.equals("@language") && !container.equals("@list"))
                || (reverse && "@list".equals(container))) {
            return null;
        }
        String coercion = definition.has("@type") ? definition.get("@type").asText() : null;
        if (coercion != null && coercion.startsWith("@") && !coercion.equals("@id")) {
            return null;
        }
        if (coercion != null && !coercion.equals("@id")) {
            coercion = expand(coercion, prefixes);
        }
        FlatContext scoped = null;
        if (definition.has("@context")) {
            scoped = terms(definition.get("@context"), outer);
            if (scoped == null) {
                return null;
            }
        }
        String iri = expand(id, prefixes);
        return IRIs.check(iri) && iri.contains(":")
                ? new Term(iri, reverse, coercion, "@language".equals(container), "@list".equals(container), scoped)
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

    /** An IRI given as a value: a compact IRI whose prefix is a term is expanded, anything else is kept. */
    String expandReference(String id) {
        int colon = id.indexOf(':');
        if (colon > 0 && !id.startsWith("_:") && !id.startsWith("//", colon + 1)) {
            Term prefix = terms().get(id.substring(0, colon));
            if (prefix != null) {
                return prefix.iri() + id.substring(colon + 1);
            }
        }
        return id;
    }

    String vocabIri(String type) {
        Term term = terms().get(type);
        if (term != null) {
            return term.iri();
        }
        String iri = propertyIri(type);
        if (iri == null) {
            throw new MappingException("the type '" + type + "' is not defined by the context");
        }
        return iri;
    }

    /**
     * A key that is not a term: a compact IRI, an absolute IRI, or a word of the vocabulary; null drops it. The empty
     * key (the text of an XML element that also has attributes) is the vocabulary IRI itself, as in JSON-LD 1.1.
     */
    String propertyIri(String key) {
        int colon = key.indexOf(':');
        if (colon > 0) {
            Term prefix = terms().get(key.substring(0, colon));
            return prefix != null && !key.startsWith("//", colon + 1) ? prefix.iri() + key.substring(colon + 1) : key;
        }
        return vocab() == null ? null : vocab() + key;
    }
}
