package cz.spojka.linkeddata;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's own IRIs and the addresses of their pages. An IRI the hub mints is {@code spojka.base-iri} followed by a
 * path; the hub serves it at that path whatever scheme, host and port the request came with (behind a proxy, or on
 * its local port), so a request's path within the application is mapped onto the base IRI. Any other IRI has its page
 * at {@code /resource?iri=<IRI>}.
 */
final class HubIris {

    /** The first path segments of the IRIs the hub mints and serves as pages (entities, graphs, provenance). */
    static final List<String> SERVED = List.of("zdroj", "graph", "connectors");

    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

    private final String base;

    /** @param base {@code spojka.base-iri}, ending with {@code /} */
    HubIris(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    boolean isHub(String iri) {
        return iri.startsWith(base);
    }

    /**
     * The IRIs a request path may stand for, most likely first: the path as sent (an IRI the hub minted with
     * {@code ENCODE_FOR_URI} keeps its escapes), then with its escaped UTF-8 letters decoded (an IRI may hold
     * {@code í} where a browser sends {@code %C3%AD}). Escapes of ASCII characters stay as they are.
     *
     * @param rawPath the request's path within the application, not decoded, starting with {@code /}
     */
    List<String> candidates(String rawPath) {
        String iri = base + rawPath.substring(1);
        List<String> candidates = new ArrayList<>(List.of(iri));
        String decoded = decodeNonAscii(iri);
        if (!decoded.equals(iri)) {
            candidates.add(decoded);
        }
        return candidates;
    }

    /** The address of an IRI's page, relative to the application: its path for a hub IRI, else /resource. */
    String page(String iri) {
        if (isHub(iri)) {
            return "/" + iri.substring(base.length());
        }
        return "/resource?iri=" + URLEncoder.encode(iri, StandardCharsets.UTF_8);
    }

    /** Decodes the escapes of bytes ≥ 0x80 that form UTF-8 text; every other character stays as it is. */
    static String decodeNonAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            Matcher m = ESCAPE.matcher(text).region(i, text.length());
            if (m.lookingAt() && Integer.parseInt(m.group(1), 16) >= 0x80) {
                pending.write(Integer.parseInt(m.group(1), 16));
                i = m.end();
                continue;
            }
            flush(pending, out);
            out.append(text.charAt(i++));
        }
        flush(pending, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream pending, StringBuilder out) {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        if (decoded.contains("\uFFFD")) {
            // Not UTF-8: the escapes are kept as they were.
            for (byte b : bytes) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        } else {
            out.append(decoded);
        }
        pending.reset();
    }
}
