package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connector state: what one instance stores, a new instance (a restarted hub) reads back from disk. */
class ConnectorStateTest {

    @Test
    void storedValuesSurviveARestartAndAreMergedPerConnector(@TempDir Path dir) throws Exception {
        ConnectorState state = new ConnectorState(dir);
        assertThat(state.get("jdbc", "watermark")).isEmpty();
        state.putAll("jdbc", Map.of("watermark", "2026-11-26T10:00:00Z"));
        state.putAll("jdbc", Map.of("etag", "\"abc\""));
        state.putAll("other", Map.of("watermark", "7"));

        ConnectorState restarted = new ConnectorState(dir);
        assertThat(restarted.get("jdbc", "watermark")).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(restarted.get("jdbc", "etag")).isEqualTo("\"abc\"");
        assertThat(restarted.get("other", "watermark")).isEqualTo("7");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("jdbc.json", "other.json");
        }
    }
}
