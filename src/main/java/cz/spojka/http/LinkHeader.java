package cz.spojka.http;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the next page's address from {@code Link} response headers (RFC 8288), as GitHub-style APIs page. */
final class LinkHeader {

    /** One link value: {@code <target>; param=value; rel="next prev"}. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");

    private static final Pattern REL =
            Pattern.compile("(?:^|;)\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^\\s;\"]+))", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {}

    /** The target of the first link with relation type {@code next}, or {@code null} when there is none. */
    static String next(List<String> headerValues) {
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (rel.find()) {
                    String types = rel.group(1) != null ? rel.group(1) : rel.group(2);
                    for (String type : types.trim().split("\\s+")) {
                        if (type.toLowerCase(Locale.ROOT).equals("next")) {
                            return link.group(1).trim();
                        }
                    }
                }
            }
        }
        return null;
    }
}
