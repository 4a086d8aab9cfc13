package cz.spojka.asyncapi;

import cz.spojka.access.DataClassification;
import cz.spojka.changelog.Change;
import cz.spojka.changelog.ChangeType;
import cz.spojka.connector.ConnectorDefinition;
import cz.spojka.mapping.MappingSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The event types the connectors publish, by dataset. Each connector's mapping declares its entities
 * ({@code entities: [{class, kind}]}); every kind yields the types {@code cz.spojka.<kind>.created}, {@code .updated}
 * and {@code .deleted} in the connector's dataset. Connectors of one dataset share its types.
 *
 * @param datasets dataset id → its titles and entity kinds, sorted by id
 */
record EventCatalog(SortedMap<String, Dataset> datasets) {

    /**
     * @param kinds kind → the classes whose instances are published as that kind
     * @param open whether every connector of the dataset declares it {@code public}, so that its events are on the
     *     public change log too
     */
    record Dataset(
            String id, String titleCs, String titleEn, SortedMap<String, SortedSet<String>> kinds, boolean open) {

        Dataset withClassification(DataClassification classification) {
            return new Dataset(id, titleCs, titleEn, kinds, open && classification == DataClassification.PUBLIC);
        }

        List<String> types() {
            List<String> types = new ArrayList<>();
            kinds.keySet().forEach(kind -> {
                for (ChangeType type : ChangeType.values()) {
                    types.add(Change.eventType(kind, type));
                }
            });
            return types;
        }
    }

    static EventCatalog of(Collection<ConnectorDefinition> connectors) {
        SortedMap<String, Dataset> datasets = new TreeMap<>();
        for (ConnectorDefinition connector : connectors) {
            ConnectorDefinition.Dataset dataset = connector.dataset();
            Dataset entry = datasets.compute(
                    dataset.id(),
                    (id, known) -> (known != null
                                    ? known
                                    : new Dataset(id, dataset.titleCs(), dataset.titleEn(), new TreeMap<>(), true))
                            .withClassification(dataset.classification()));
            for (MappingSpec.EntityClass entity : connector.mapping().entities()) {
                entry.kinds()
                        .computeIfAbsent(entity.kind(), k -> new TreeSet<>())
                        .add(entity.classIri());
            }
        }
        return new EventCatalog(datasets);
    }

    /** Every type of every dataset, sorted. */
    SortedSet<String> types() {
        SortedSet<String> types = new TreeSet<>();
        datasets.values().forEach(dataset -> types.addAll(dataset.types()));
        return types;
    }
}
