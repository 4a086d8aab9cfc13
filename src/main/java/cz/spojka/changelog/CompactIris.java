package cz.spojka.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Compact IRIs ({@code prefix:suffix}) for the change events' JSON-LD, with the vocabulary's prefixes. An IRI is
 * compacted with the longest namespace it starts with; one that no namespace covers, or that a namespace equals
 * exactly, stays a full IRI. Only namespaces ending in {@code /} or {@code #} are used, since JSON-LD 1.1 expands a
 * compact IRI only with a term whose IRI ends in such a character.
 */
public final class CompactIris {

    private final List<Map.Entry<String, String>> prefixByNamespace;

    /** @param prefixes prefix → namespace, e.g. {@code dcterms} → {@code http://purl.org/dc/terms/} */
    public CompactIris(Map<String, String> prefixes) {
        this.prefixByNamespace = prefixes.entrySet().stream()
                .filter(p -> p.getValue().endsWith("/") || p.getValue().endsWith("#"))
                .map(p -> Map.entry(p.getValue(), p.getKey()))
                .sorted(Comparator.comparing(
                                (Map.Entry<String, String> p) -> p.getKey().length())
                        .reversed()
                        .thenComparing(Map.Entry::getValue))
                .toList();
    }

    /** The compact IRI of {@code iri}, adding the prefix it used to {@code used} (prefix → namespace). */
    String compact(String iri, Map<String, String> used) {
        for (Map.Entry<String, String> namespace : prefixByNamespace) {
            String suffix = iri.startsWith(namespace.getKey())
                    ? iri.substring(namespace.getKey().length())
                    : null;
            // "//" after the colon would read as an absolute IRI, not as a compact one.
            if (suffix != null && !suffix.isEmpty() && !suffix.startsWith("//")) {
                used.put(namespace.getValue(), namespace.getKey());
                return namespace.getValue() + ":" + suffix;
            }
        }
        return iri;
    }

    /** The full IRI of a compact IRI whose prefix {@code context} defines; any other value as it is. */
    static String expand(String value, JsonNode context) {
        int colon = value.indexOf(':');
        if (colon <= 0 || value.startsWith("//", colon + 1)) {
            return value;
        }
        JsonNode namespace = context.path(value.substring(0, colon));
        return namespace.isTextual() ? namespace.asText() + value.substring(colon + 1) : value;
    }
}
