package cz.spojka.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The connectors of {@link HttpPollIT}: the {@code connector.yaml} fixtures beside the test, each given the mapping
 * of the demo connector whose sample it serves, so that the mappings under test are the real ones.
 */
final class HttpPollConnectors {

    private static final Path FIXTURES = Path.of("src/test/resources/cz/spojka/e2e/http-poll-connectors");
    private static final Path OFN = Path.of("connectors", AgendaSystem.OFN);
    private static final Path EDESKY = Path.of("connectors", AgendaSystem.EDESKY);
    /** Connectors whose source wraps the OFN boards in an envelope: {"polozky": [...], ...}. */
    private static final List<String> ENVELOPED = List.of("ofn-by-next-link", "ofn-since-body");

    private HttpPollConnectors() {}

    /** Copies the connectors into {@code dir}, with their mappings, and returns it. */
    static Path assemble(Path dir) {
        return assemble(FIXTURES, dir);
    }

    /** Copies the connectors of another test's fixtures (OFN or eDesky boards alike) into {@code dir}. */
    static Path assemble(Path fixtures, Path dir) {
        try (Stream<Path> folders = Files.list(fixtures)) {
            for (Path fixture : folders.toList()) {
                String id = fixture.getFileName().toString();
                Path folder = Files.createDirectories(dir.resolve(id));
                Files.copy(fixture.resolve("connector.yaml"), folder.resolve("connector.yaml"));
                if (id.startsWith("edesky-")) {
                    Files.copy(EDESKY.resolve("mapping.yaml"), folder.resolve("mapping.yaml"));
                } else {
                    String mapping = Files.readString(OFN.resolve("mapping.yaml"));
                    if (ENVELOPED.contains(id)) {
                        String enveloped = mapping.replace("\nrecords: \"\"\n", "\nrecords: /polozky\n");
                        if (enveloped.equals(mapping)) {
                            throw new IllegalStateException("The OFN mapping no longer reads records at \"\"");
                        }
                        mapping = enveloped;
                    }
                    Files.writeString(folder.resolve("mapping.yaml"), mapping);
                    Files.copy(OFN.resolve("context.jsonld"), folder.resolve("context.jsonld"));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
