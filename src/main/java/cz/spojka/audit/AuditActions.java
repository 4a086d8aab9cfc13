package cz.spojka.audit;

import cz.spojka.access.DataChannels;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The short name of what a request asked ({@code sparql.query}, {@code downloads.read}, {@code grant.create}, …) and
 * what it was about, read from its method and path. The data channels have a name each. An API path is read the REST
 * way, collections and ids taking turns ({@code /api/agencies/a1/keys/k1}): the action is the last collection,
 * singular, with the verb of the method (GET read, POST create, PUT and PATCH update, DELETE delete) or the verb the
 * path ends with ({@code /api/deadletters/7/replay} is {@code deadletter.replay}); the target is the last id with its
 * collection ({@code deadletters/7}).
 */
final class AuditActions {

    /** The actions of the data channels ({@link DataChannels}) but SPARQL, whose action depends on its parameters. */
    static final Map<String, String> CHANNELS = Map.of(
            "/data", "downloads.read",
            "/zdroj", "resource.read",
            "/resource", "resource.read",
            "/graph", "graph.read",
            "/connectors", "connector.read",
            "/catalog", "catalog.read",
            "/events", "events.open");

    /** The last segments of API paths that name an action rather than an item. */
    private static final Set<String> VERBS = Set.of(
            "replay", "resume", "compact", "release", "discard", "revoke", "disable", "enable", "run", "export",
            "verify");

    private static final Map<String, String> METHOD_VERBS = Map.of(
            "GET", "read", "HEAD", "read", "POST", "create", "PUT", "update", "PATCH", "update", "DELETE", "delete");

    /** What was asked and what about; {@code target} may be null. */
    record Action(String name, String target) {}

    private AuditActions() {}

    /** Whether {@code path} (without the context path) is one of the data channels, {@code /sparql} included. */
    static boolean isDataChannel(String path) {
        return DataChannels.includes(path);
    }

    static boolean isSparql(String path) {
        return DataChannels.under(path, "/sparql");
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    /**
     * @param parameter the request's parameter of a name, or null
     */
    static Action of(String method, String path, Function<String, String> parameter) {
        if (isSparql(path)) {
            return sparql(parameter);
        }
        if (isApi(path)) {
            return api(method, path);
        }
        for (Map.Entry<String, String> channel : CHANNELS.entrySet()) {
            if (DataChannels.under(path, channel.getKey())) {
                String rest = path.substring(channel.getKey().length());
                String target = channel.getKey().equals("/resource")
                        ? parameter.apply("iri")
                        : rest.isEmpty() ? null : rest.substring(1);
                return new Action(channel.getValue(), target);
            }
        }
        return new Action(method.toLowerCase(Locale.ROOT), path);
    }

    private static Action sparql(Function<String, String> parameter) {
        String graph = parameter.apply("graph");
        if (graph != null || parameter.apply("default") != null) {
            return new Action("sparql.graph", graph == null ? "default" : graph);
        }
        return new Action("sparql.query", null);
    }

    private static Action api(String method, String path) {
        List<String> segments = List.of(path.substring("/api/".length()).split("/"));
        String verb = METHOD_VERBS.getOrDefault(method, method.toLowerCase(Locale.ROOT));
        int end = segments.size();
        if (end > 1 && VERBS.contains(segments.get(end - 1))) {
            verb = segments.get(end - 1);
            end--;
        }
        int collection = (end - 1) / 2 * 2;
        String target = end - collection > 1 ? segments.get(collection) + "/" + segments.get(collection + 1) : null;
        if (target == null && collection >= 2) {
            target = segments.get(collection - 2) + "/" + segments.get(collection - 1);
        }
        return new Action(singular(segments.get(collection)) + "." + verb, target);
    }

    private static String singular(String collection) {
        if (collection.endsWith("ies")) {
            return collection.substring(0, collection.length() - 3) + "y";
        }
        return collection.endsWith("s") && !collection.endsWith("ss")
                ? collection.substring(0, collection.length() - 1)
                : collection;
    }
}
