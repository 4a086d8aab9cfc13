package cz.spojka.vocab;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;

/** The forms {@code GET /vocab} answers in, chosen by {@code ?format=} or else by the {@code Accept} header. */
enum VocabularyFormat {
    HTML(MediaType.TEXT_HTML, null, "html"),
    TURTLE(MediaType.valueOf("text/turtle"), Lang.TURTLE, "turtle", "ttl"),
    JSON_LD(MediaType.valueOf("application/ld+json"), Lang.JSONLD11, "jsonld", "json-ld");

    /** Also answered with JSON-LD: a client asking for plain JSON gets JSON-LD, which is JSON. */
    private static final MediaType JSON = MediaType.APPLICATION_JSON;

    private final MediaType mediaType;
    private final Lang lang;
    private final List<String> names;

    VocabularyFormat(MediaType mediaType, Lang lang, String... names) {
        this.mediaType = mediaType;
        this.lang = lang;
        this.names = List.of(names);
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The RDF syntax, {@code null} for HTML. */
    Lang lang() {
        return lang;
    }

    /** {@code ?format=}, when given, else the most preferred type of {@code accept} the page has; HTML without one. */
    static VocabularyFormat choose(String format, String accept) {
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
            for (VocabularyFormat candidate : values()) {
                if (wanted.includes(candidate.mediaType)) {
                    return candidate;
                }
            }
            if (wanted.includes(JSON)) {
                return JSON_LD;
            }
        }
        throw new ResponseStatusException(
                HttpStatus.NOT_ACCEPTABLE,
                "/vocab is served as "
                        + Arrays.stream(values())
                                .map(f -> f.mediaType.toString())
                                .collect(Collectors.joining(", ")) + "; Accept asked for " + accept);
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
