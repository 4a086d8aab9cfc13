package cz.spojka.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A connectors folder with real connectors whose {@code dataset.classification} the test decides, and may change
 * between two starts of a hub: each connector's files are links to {@code connectors/<id>}, except its
 * {@code connector.yaml}, a copy with the classification the test gives.
 */
final class ClassifiedConnectors {

    private final Path dir;

    /** @param classificationById connector id → {@code public}, {@code restricted} or {@code internal} */
    ClassifiedConnectors(Map<String, String> classificationById) {
        dir = TestHub.tempDir("spojka-classified-connectors-");
        classificationById.forEach(this::add);
    }

    /** Adds the real connector with the given classification. */
    void add(String connectorId, String classification) {
        try {
            Path folder = Files.createDirectory(dir.resolve(connectorId));
            try (Stream<Path> files = Files.list(Path.of("connectors", connectorId))) {
                for (Path file : files.toList()) {
                    if (!file.getFileName().toString().equals("connector.yaml")) {
                        Files.createSymbolicLink(folder.resolve(file.getFileName()), file.toAbsolutePath());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        classify(connectorId, classification);
    }

    Path dir() {
        return dir;
    }

    /** Writes the connector's {@code connector.yaml} with {@code dataset.classification: <classification>}. */
    void classify(String connectorId, String classification) {
        try {
            String yaml = Files.readString(Path.of("connectors", connectorId, "connector.yaml"), UTF_8)
                    .replaceAll("(?m)^  classification: .*\\n", "")
                    .replaceFirst("(?m)^dataset:\\n", "dataset:\n  classification: " + classification + "\n");
            Files.writeString(dir.resolve(connectorId).resolve("connector.yaml"), yaml, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
