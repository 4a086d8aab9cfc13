package cz.spojka.downloads;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeType;
import cz.spojka.changelog.Provenance;
import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.connector.ConnectorDryRun;
import cz.spojka.mapping.Entity;
import cz.spojka.store.EntityStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The connectors' real samples ({@code connectors/<id>/samples/}), mapped by their real mappings and written into a
 * store as the materializer writes them, provenance included.
 */
final class SampleData {

    /** The base IRI of the dry run, which the loaded IRIs start with. */
    static final String BASE_IRI = "http://localhost:8080/";

    private static final ConnectorDryRun DRY_RUN = ConnectorDryRun.ofRepository(Path.of(""));

    /**
     * What one connector's samples put into the store.
     *
     * @param definition the connector, with its dataset and municipality
     * @param entities every entity of every sample
     */
    record Loaded(String connector, ConnectorDefinition definition, List<Entity> entities) {

        ConnectorDefinition.Dataset dataset() {
            return definition.dataset();
        }

        Node graph() {
            return NodeFactory.createURI(dataset().graphIri(BASE_IRI));
        }

        /** Writes every entity into the store as the materializer writes a created entity, provenance included. */
        Loaded into(EntityStore store) {
            List<Change> changes = entities.stream()
                    .map(entity -> new Change(
                            ChangeType.CREATED,
                            entity.iri(),
                            entity.kind(),
                            dataset().id(),
                            dataset().graphIri(BASE_IRI),
                            entity.hash(),
                            entity.graph(),
                            new Provenance(
                                    connector,
                                    entity.recordId(),
                                    Instant.parse("2026-11-28T10:00:00Z"),
                                    definition.mapping().version(),
                                    "run-1"),
                            List.of()))
                    .toList();
            store.apply(changes, Map.of());
            return this;
        }
    }

    private SampleData() {}

    /** The connector's samples mapped, ready to be written into stores. */
    static Loaded map(String connector) {
        ConnectorDryRun.Result result = DRY_RUN.test(Path.of("connectors", connector), null);
        assertThat(result.problems()).as(connector).isEmpty();
        List<Entity> entities = new ArrayList<>();
        result.samples().forEach(sample -> entities.addAll(sample.entities()));
        return new Loaded(connector, result.definition(), entities);
    }

    /** The connector's samples mapped and written into {@code store}. */
    static Loaded load(EntityStore store, String connector) {
        return map(connector).into(store);
    }
}
