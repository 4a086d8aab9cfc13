package cz.spojka.linkeddata;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The forms a resource's page is served in: HTML for people, and its RDF description in Turtle, JSON-LD, N-Triples
 * and RDF/XML. Chosen by {@code ?format=} when given, else by the {@code Accept} header (by quality, the earlier among
 * equals), HTML for none or for {@code *}{@code /*}.
 */
enum PageFormat {
    HTML(MediaType.TEXT_HTML, null, "html"),
    TURTLE(MediaType.valueOf("text/turtle"), Lang.TURTLE, "ttl", "turtle"),
    JSON_LD(MediaType.valueOf("application/ld+json"), Lang.JSONLD11, "jsonld", "json-ld"),
    N_TRIPLES(MediaType.valueOf("application/n-triples"), Lang.NTRIPLES, "nt", "ntriples"),
    RDF_XML(MediaType.valueOf("application/rdf+xml"), Lang.RDFXML, "rdf", "rdfxml");

    private final MediaType mediaType;
    private final Lang lang;
    private final List<String> names;

    PageFormat(MediaType mediaType, Lang lang, String... names) {
        this.mediaType = mediaType;
        this.lang = lang;
        this.names = List.of(names);
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The RDF syntax; {@code null} for HTML. */
    Lang lang() {
        return lang;
    }

    /** The value of {@code ?format=} that asks for this form. */
    String parameter() {
        return names.get(0);
    }

    static String parameters() {
        return Arrays.stream(values()).flatMap(f -> f.names.stream()).collect(Collectors.joining(", "));
    }

    static Optional<PageFormat> named(String format) {
        return Arrays.stream(values()).filter(f -> f.names.contains(format)).findFirst();
    }

    /**
     * The most preferred form {@code accept} names; HTML for a missing or unreadable header; empty when the header
     * accepts none of the forms.
     */
    static Optional<PageFormat> accepted(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(HTML);
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept).stream()
                    .filter(m -> m.getQualityValue() > 0)
                    .sorted(Comparator.comparingDouble(MediaType::getQualityValue)
                            .reversed())
                    .toList();
        } catch (InvalidMediaTypeException e) {
            return Optional.of(HTML);
        }
        for (MediaType type : wanted) {
            for (PageFormat candidate : values()) {
                if (type.includes(candidate.mediaType)) {
                    return Optional.of(candidate);
                }
            }
            if (type.includes(MediaType.APPLICATION_JSON)) {
                return Optional.of(JSON_LD);
            }
            if (type.includes(MediaType.APPLICATION_XML)) {
                return Optional.of(RDF_XML);
            }
        }
        return Optional.empty();
    }
}
