package cz.spojka.access;

import java.util.List;

/**
 * The paths through which data is read, the one list the audit log (which records agencies' reads on them) and the
 * anonymous rate limit (which counts anonymous requests to them) share: the SPARQL endpoint, downloads, the Linked
 * Data pages (of entities, graphs, connectors and their runs, and any IRI), the catalogue and the event stream.
 */
public final class DataChannels {

    /** Each channel's path; the channel is the path and everything under it. */
    public static final List<String> PATHS =
            List.of("/sparql", "/data", "/zdroj", "/resource", "/graph", "/connectors", "/catalog", "/events");

    private DataChannels() {}

    /** Whether {@code path} (without the context path) is on one of the channels. */
    public static boolean includes(String path) {
        return PATHS.stream().anyMatch(channel -> under(path, channel));
    }

    /** Whether {@code path} is {@code channel} or under it. */
    public static boolean under(String path, String channel) {
        return path.equals(channel) || path.startsWith(channel + "/");
    }

    /** The servlet URL patterns of the channels: each path and everything under it. */
    public static List<String> urlPatterns() {
        return PATHS.stream()
                .flatMap(channel -> List.of(channel, channel + "/*").stream())
                .toList();
    }
}
