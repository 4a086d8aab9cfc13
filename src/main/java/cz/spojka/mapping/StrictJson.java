package cz.spojka.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How the hub reads JSON a source sends, wherever it arrives (a fetched body, a webhook push): a body with anything
 * after its value, or an object with a duplicate field, is refused rather than read as its first value or its last
 * field; nesting deeper than {@value #MAX_DEPTH} levels and strings longer than {@value #MAX_STRING_CHARS} characters
 * are refused too.
 */
public final class StrictJson {

    /** The deepest nesting of a body: arrays and objects in JSON, elements in XML. */
    public static final int MAX_DEPTH = 1000;

    /**
     * The longest string of a body. A literal longer than this is garbage or an attack: the change log's records are
     * at most 8 MiB, and no field of the data Spojka publishes comes near a million characters.
     */
    public static final int MAX_STRING_CHARS = 1_000_000;

    /** The strict reader (thread-safe, as every configured {@link ObjectMapper}). */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING_CHARS)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {}
}
