package cz.spojka.subscription;

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
 * The subscriptions, one JSON file each in {@code <data-dir>/subscriptions/<id>.json}. They are kept on the hub's
 * own disk rather than on a Kafka topic because they hold the subscribers' secrets, which nobody who may read the
 * cluster's topics should see; the delivery positions are in Kafka ({@link SubscriptionOffsets}).
 */
final class SubscriptionStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path dir;

    SubscriptionStore(Path dir) {
        this.dir = dir;
    }

    List<Subscription> load() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Subscription> subscriptions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                subscriptions.add(JSON.readValue(file.toFile(), Subscription.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the subscriptions in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return subscriptions;
    }

    /** Writes the subscription whole or not at all: a crash while writing leaves the previous file. */
    void save(Subscription subscription) {
        try {
            Files.createDirectories(dir);
            Path temporary = dir.resolve(subscription.id() + ".json.tmp");
            JSON.writeValue(temporary.toFile(), subscription);
            Files.move(
                    temporary,
                    file(subscription.id()),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot save subscription " + subscription.id() + " in " + dir.toAbsolutePath() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot delete subscription " + id + " in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        return dir.resolve(id + ".json");
    }
}
