package cz.spojka.vocab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of one folder of {@code vocab/} ({@code spojka.vocab-dir}): the ontology, the tables, the queries… */
public final class VocabFolder {

    private VocabFolder() {}

    /**
     * The files of {@code folder} whose names end with {@code extension}, by name; none when the folder is missing.
     *
     * @throws UncheckedIOException naming the folder when it cannot be listed
     */
    public static List<Path> files(Path folder, String extension) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot list " + folder.toAbsolutePath() + " (spojka.vocab-dir): " + e.getMessage(), e);
        }
    }
}
