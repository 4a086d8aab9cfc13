package cz.spojka.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sets query parameters of an address, keeping the rest of its query (an API key, a filter) exactly as written. */
final class QueryParameters {

    private QueryParameters() {}

    /** The address with {@code name=value} in place of any parameter of that name, or appended. */
    static URI with(URI uri, String name, String value) {
        String encodedName = encode(name);
        List<String> kept = new ArrayList<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!key.equals(encodedName)) {
                    kept.add(pair);
                }
            }
        }
        kept.add(encodedName + "=" + encode(value));
        String text = uri.toString();
        int end = text.indexOf('#') >= 0 ? text.indexOf('#') : text.length();
        int start = text.indexOf('?') >= 0 ? text.indexOf('?') : end;
        return URI.create(text.substring(0, start) + "?" + String.join("&", kept) + text.substring(end));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
