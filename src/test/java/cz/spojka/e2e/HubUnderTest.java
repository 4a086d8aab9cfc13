package cz.spojka.e2e;

import cz.spojka.connector.Connectors;
import cz.spojka.store.Materializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An integration test of a hub that Spring starts for it: the beans the test drives and reads, and the hub's SPARQL
 * endpoint. The test (or the class between) registers its {@link TestHub} in a {@code @DynamicPropertySource} method.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HubUnderTest {

    @Autowired
    Connectors connectors;

    @Autowired
    Materializer materializer;

    @LocalServerPort
    int port;

    HubSparql sparql() {
        return HubSparql.at(port);
    }

    HubApi api() {
        return HubApi.at(port);
    }

    void awaitMaterialized() {
        TestHub.awaitMaterialized(materializer);
    }
}
