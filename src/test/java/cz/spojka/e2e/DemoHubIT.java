package cz.spojka.e2e;

import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.Connectors;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub as {@code mvn spring-boot:run} runs it: every ready connector of {@code connectors/}, polling the samples
 * the hub serves itself at {@code /demo/<connector>/<file>}, so that every dataset, the vocabulary, the reference data
 * and the catalogue are in the store. The integration tests extending this class share one hub.
 */
abstract class DemoHubIT extends HubUnderTest {

    private static final TestHub HUB = TestHub.onFreePorts(TestHub.tempDir("spojka-demo-it-"), Path.of("connectors"));

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        HUB.register(registry);
    }

    /** The first poll of every polled connector has ended and the store shows it (the webhook waits for pushes). */
    @BeforeEach
    void everyPolledConnectorHasRunAndIsMaterialized() {
        TestHub.awaitFirstRuns(
                connectors,
                connectors.active().stream()
                        .map(Connectors.Active::definition)
                        .filter(definition -> Objects.nonNull(definition.schedule()))
                        .map(ConnectorDefinition::id)
                        .toList());
        awaitMaterialized();
    }
}
