package cz.spojka.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.NodeIdFactory;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

class ConnectorRouteIdsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/cz/spojka/connector/routes");

    @Test
    void aConnectorsRouteAddedWithoutAnIdIsNamedAfterTheConnectorAndOtherRoutesKeepCamelsNames() throws Exception {
        String yaml = RouteTemplates.read(FIXTURES).camelYaml().get(FIXTURES.resolve("fixture-templates.yaml"));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            ExtendedCamelContext extension = camel.getCamelContextExtension();
            extension.addContextPlugin(
                    NodeIdFactory.class, new ConnectorRouteIds(extension.getContextPlugin(NodeIdFactory.class)));
            extension
                    .getContextPlugin(RoutesLoader.class)
                    .loadRoutes(ResourceHelper.fromString("file:fixture-templates.yaml", yaml));
            camel.start();
            for (String id : new String[] {"x", "y"}) {
                TemplatedRouteBuilder.builder(camel, "push-good")
                        .parameter("connectorId", id)
                        .parameter("apiKey", "k")
                        .parameter("mode", "safe")
                        .parameter("count", "5")
                        .parameter("schema", "")
                        .add();
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:not-a-connector").log("hello");
                }
            });

            assertThat(camel.getRoute("connector-x").getEndpoint().getEndpointUri())
                    .startsWith("timer://spojka-push-x");
            assertThat(camel.getRoute("connector-y").getEndpoint().getEndpointUri())
                    .startsWith("timer://spojka-push-y");
            // Camel numbers unnamed routes with a counter shared by the whole JVM, so the number depends on the
            // tests that ran before.
            assertThat(camel.getRoutes())
                    .extracting(r -> r.getId().replaceAll("^route[0-9]+$", "route<n>"))
                    .containsExactlyInAnyOrder("connector-x", "connector-y", "route<n>");
        }
    }
}
