package cz.spojka.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One kind of the access registry (tenants, agencies, keys or grants), one JSON file per item in
 * {@code <data-dir>/access/<kind>/<id>.json}. Kept on the hub's own disk, like the subscriptions, and not on a Kafka
 * topic: whoever may read the cluster's topics must not learn who may read what, nor the key hashes.
 */
final class AccessFiles<T> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path dir;
    private final Class<T> type;

    AccessFiles(Path dir, Class<T> type) {
        this.dir = dir;
        this.type = type;
    }

    List<T> load() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<T> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                items.add(JSON.readValue(file.toFile(), type));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return items;
    }

    /** Writes the item whole or not at all: a crash while writing leaves the previous file. */
    void save(String id, T item) {
        try {
            Files.createDirectories(dir);
            Path temporary = dir.resolve(id + ".json.tmp");
            JSON.writeValue(temporary.toFile(), item);
            Files.move(temporary, file(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot save " + id + " in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot delete " + id + " in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        return dir.resolve(id + ".json");
    }
}
