package cz.spojka.bench;

import io.carml.engine.function.FnoFunction;
import io.carml.engine.function.FnoParam;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one FnO function the RML mapping needs: SPARQL's {@code REPLACE(input, pattern, replacement)}, so hub IRIs can be
 * minted from source IRIs without their scheme. RML templates cannot do it (they percent-encode ':' and '/').
 */
public final class SpojkaFunctions {

    public static final String NS = "https://w3id.org/spojka/fn#";

    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    @FnoFunction(NS + "replace")
    public String replace(@FnoParam(NS + "input") String input, @FnoParam(NS + "pattern") String pattern,
            @FnoParam(NS + "replacement") String replacement) {
        if (input == null || pattern == null || replacement == null) {
            return null;
        }
        return patterns.computeIfAbsent(pattern, Pattern::compile).matcher(input).replaceAll(replacement);
    }
}
