package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code connectors/} is a working connector: its configuration is valid against the route
 * templates, it has samples, and every sample maps without a rejected record and passes the SHACL gate.
 */
class ConnectorsConformanceTest {

    private static final ConnectorDryRun DRY_RUN = ConnectorDryRun.ofRepository(Path.of(""));

    static Stream<Path> connectors() throws IOException {
        return Files.list(Path.of("connectors")).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest
    @MethodSource("connectors")
    void connectorPassesItsDryRun(Path folder) {
        ConnectorDryRun.Result result = DRY_RUN.test(folder, null);

        assertThat(result.problems()).isEmpty();
        assertThat(result.samples()).as("samples of " + folder).isNotEmpty();
        for (ConnectorDryRun.SampleResult sample : result.samples()) {
            assertThat(sample.error()).as(sample.file().toString()).isNull();
            assertThat(sample.rejected()).as(sample.file().toString()).isEmpty();
            assertThat(sample.violations()).as(sample.file().toString()).isEmpty();
            assertThat(sample.entities()).as(sample.file().toString()).isNotEmpty();
        }
        assertThat(result.passed()).isTrue();
    }
}
