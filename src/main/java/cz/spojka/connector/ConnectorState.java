package cz.spojka.connector;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The little a connector must remember between runs to fetch only what is new — a watermark, a cursor, an ETag —
 * kept per connector in {@code <data-dir>/connector-state/<id>.json} and written atomically, so it survives restarts.
 * Routes read it as {@code ${bean:spojkaConnectorState?method=get('{{connectorId}}', 'watermark')}} and propose new
 * values as exchange properties {@code spojkaState.<key>}; the runner stores them only after the run succeeded, so a
 * failed run fetches the same data again next time instead of skipping it.
 */
public final class ConnectorState {

    /** Exchange properties with this prefix carry the state a successful run stores. */
    public static final String PROPERTY_PREFIX = "spojkaState.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

    private final Path dir;
    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

    public ConnectorState(Path dir) {
        this.dir = dir;
    }

    /** The stored value, or an empty string when there is none yet (a first run fetches everything). */
    public String get(String connectorId, String key) {
        return of(connectorId).getOrDefault(key, "");
    }

    /** Stores values of one connector together. */
    public synchronized void putAll(String connectorId, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, String> state = new TreeMap<>(of(connectorId));
        state.putAll(values);
        Path file = file(connectorId);
        try {
            Files.createDirectories(dir);
            Path next = Files.createTempFile(dir, connectorId, ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(next.toFile(), state);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state of connector " + connectorId + " to " + file, e);
        }
        cache.put(connectorId, state);
    }

    private Map<String, String> of(String connectorId) {
        return cache.computeIfAbsent(connectorId, id -> {
            Path file = file(id);
            if (!Files.isRegularFile(file)) {
                return new TreeMap<>();
            }
            try {
                return JSON.readValue(file.toFile(), MAP);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the state of connector " + id + " from " + file, e);
            }
        });
    }

    private Path file(String connectorId) {
        return dir.resolve(connectorId + ".json");
    }
}
