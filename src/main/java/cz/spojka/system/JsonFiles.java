package cz.spojka.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of small JSON files, one per item ({@code <dir>/<id>.json}), written durably and atomically: the new
 * content goes to {@code <id>.json.tmp}, is forced to disk, moved over the old file in one step, and the directory is
 * forced too, so that after a crash or a power failure the item is either the old one or the new one, and the new one
 * once {@link #save} has returned. What the hub keeps on its own disk rather than on a Kafka topic (the access
 * registry, the webhook subscriptions) is kept this way.
 *
 * @param <T> the items' type, written and read with Jackson (dates as ISO-8601 text)
 */
public final class JsonFiles<T> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static final String SUFFIX = ".json";
    static final String TEMPORARY_SUFFIX = ".json.tmp";

    private final Path dir;
    private final Class<T> type;

    public JsonFiles(Path dir, Class<T> type) {
        this.dir = dir;
        this.type = type;
    }

    /**
     * Every item, in the order of their file names. A temporary file left by a crash during a write is removed (the
     * write did not happen); a file that cannot be read stops the loading with its name.
     */
    public List<T> load() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<T> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMPORARY_SUFFIX)) {
                    Files.delete(file);
                } else if (name.endsWith(SUFFIX)) {
                    items.add(read(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return items;
    }

    public void save(String id, T item) {
        Path temporary = dir.resolve(id + TEMPORARY_SUFFIX);
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(item));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot save " + id + " in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    public void delete(String id) {
        try {
            Files.deleteIfExists(file(id));
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot delete " + id + " in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private T read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(
                    "Cannot read " + file.toAbsolutePath() + ", which is not a valid " + type.getSimpleName() + ": "
                            + e.getOriginalMessage() + ". Restore it from a backup or remove it.",
                    e);
        }
    }

    /** The rename and the removal live in the directory's own entry, which reaches the disk only when it is forced. */
    private void forceDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        }
    }

    private Path file(String id) {
        return dir.resolve(id + SUFFIX);
    }
}
