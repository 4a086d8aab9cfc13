package cz.spojka.subscription;

import cz.spojka.connector.Ico;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/subscriptions}. {@link #problems} lists everything wrong with it at once, each naming
 * the field, the value and what is allowed.
 *
 * @param callbackUrl the subscriber's {@code http} or {@code https} URL
 * @param secret the key of the signatures, at least {@value #MIN_SECRET} characters
 * @param filter which events, {@code null} for every event
 * @param owner the agency the subscription is for; only an administrator gives it (or leaves it out for a
 *     public-only subscription), an agency's subscription is always its own
 */
record SubscriptionRequest(String callbackUrl, String secret, EventFilter filter, String owner) {

    static final int MIN_SECRET = 16;
    private static final Pattern TYPE = Pattern.compile("cz\\.spojka\\.[a-z0-9][a-z0-9-]*\\.(created|updated|deleted)");
    private static final Pattern DATASET = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern ICO = Pattern.compile("[0-9]{8}");

    EventFilter effectiveFilter() {
        return filter == null ? new EventFilter(null, null, null) : filter;
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (callbackUrl == null || !callbackUrl.matches("https?://.+")) {
            problems.add("callbackUrl: '" + callbackUrl + "' must be an absolute http:// or https:// URL");
        } else {
            try {
                URI.create(callbackUrl).toURL();
            } catch (IllegalArgumentException | MalformedURLException e) {
                problems.add("callbackUrl: '" + callbackUrl + "' is not a valid URL: " + e.getMessage());
            }
        }
        if (secret == null || secret.length() < MIN_SECRET) {
            problems.add("secret: must have at least " + MIN_SECRET + " characters");
        }
        EventFilter filter = effectiveFilter();
        filter.types().stream()
                .filter(t -> !TYPE.matcher(String.valueOf(t)).matches())
                .forEach(t -> problems.add("filter.types: '" + t
                        + "' is not an event type; allowed: cz.spojka.<kind>.created, .updated or .deleted"));
        filter.datasets().stream()
                .filter(d -> !DATASET.matcher(String.valueOf(d)).matches())
                .forEach(d -> problems.add(
                        "filter.datasets: '" + d + "' is not a dataset id (lower-case letters, digits and '-')"));
        filter.municipalities().stream()
                .filter(ico -> !ICO.matcher(String.valueOf(ico)).matches() || !Ico.valid(ico))
                .forEach(ico -> problems.add(
                        "filter.municipalities: '" + ico + "' is not an IČO (8 digits, the last a valid check digit)"));
        return problems;
    }
}
