package cz.spojka.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

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

    /**
     * Reads a JSON body in the encoding Jackson detects (UTF-8, or UTF-16/32 by a BOM or zero bytes). UTF-8 is first
     * checked strictly: Jackson decodes overlong sequences such as {@code C0 AF} (a {@code /}) without complaint, and
     * an overlong or otherwise invalid sequence must fail the body, not become a character.
     */
    public static JsonNode read(byte[] body) throws IOException {
        if (!utf16or32(body)) {
            BodyText.requireUtf8(body);
        }
        return MAPPER.readTree(body);
    }

    private static boolean utf16or32(byte[] body) {
        if (body.length >= 2
                && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                        || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
            return true;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
