package cz.spojka.system;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;

/**
 * The forms the hub's pages about RDF ({@code /vocab}, the Linked Data pages) are served in: HTML for people, and
 * the RDF description in Turtle, JSON-LD, N-Triples and RDF/XML. Chosen by {@code ?format=} when given, else by the
 * {@code Accept} header (by quality, the earlier among equals; plain JSON gets JSON-LD, plain XML RDF/XML), HTML for
 * none or for {@code *}{@code /*}.
 */
public enum PageFormat {
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

    public MediaType mediaType() {
        return mediaType;
    }

    /**
     * The {@code Content-Type} of an answer: UTF-8 named for the text types; JSON-LD is UTF-8 by definition and
     * RDF/XML names its encoding itself, so they carry no charset.
     */
    public MediaType contentType() {
        return this == JSON_LD || this == RDF_XML ? mediaType : new MediaType(mediaType, StandardCharsets.UTF_8);
    }

    /** The RDF syntax; {@code null} for HTML. */
    public Lang lang() {
        return lang;
    }

    /** The value of {@code ?format=} that asks for this form. */
    public String parameter() {
        return names.get(0);
    }

    /**
     * {@code ?format=} when given, else the most preferred form {@code accept} names.
     *
     * @param page what is served, for the message of a refusal ({@code "/vocab"})
     * @throws ResponseStatusException 400 for an unknown {@code format} or an unreadable {@code Accept}, 406 for an
     *     {@code Accept} that names none of the forms; its reason says what is served
     */
    public static PageFormat choose(String format, String accept, String page) {
        if (format != null) {
            return Arrays.stream(values())
                    .filter(f -> f.names.contains(format))
                    .findFirst()
                    .orElseThrow(() -> new ResponseStatusException(
                            HttpStatus.BAD_REQUEST,
                            "format '" + format + "' is not one of "
                                    + Arrays.stream(values())
                                            .flatMap(f -> f.names.stream())
                                            .collect(Collectors.joining(", "))));
        }
        if (accept == null || accept.isBlank()) {
            return HTML;
        }
        for (MediaType wanted : acceptable(accept)) {
            for (PageFormat candidate : values()) {
                if (wanted.includes(candidate.mediaType)) {
                    return candidate;
                }
            }
            if (wanted.includes(MediaType.APPLICATION_JSON)) {
                return JSON_LD;
            }
            if (wanted.includes(MediaType.APPLICATION_XML)) {
                return RDF_XML;
            }
        }
        throw new ResponseStatusException(
                HttpStatus.NOT_ACCEPTABLE,
                page + " is served as "
                        + Arrays.stream(values())
                                .map(f -> f.mediaType.toString())
                                .collect(Collectors.joining(", "))
                        + "; Accept asked for " + accept);
    }

    /** The accepted media types, most preferred first (by quality; a type listed earlier first among equals). */
    private static List<MediaType> acceptable(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .filter(m -> m.getQualityValue() > 0)
                    .sorted(Comparator.comparingDouble(MediaType::getQualityValue)
                            .reversed())
                    .toList();
        } catch (InvalidMediaTypeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Accept is not a list of media types: " + accept);
        }
    }
}
