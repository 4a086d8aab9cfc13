package cz.spojka.connector;

import cz.spojka.access.DataClassification;
import cz.spojka.mapping.MappingSpec;
import cz.spojka.privacy.DatasetPrivacy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connector as declared in {@code connectors/<id>/connector.yaml}, validated and with placeholders resolved.
 *
 * @param id the connector id, equal to its folder name
 * @param title a short human title
 * @param description what the connector does, for operators; may be null
 * @param folder the connector's folder
 * @param template the route template it instantiates
 * @param parameters the template parameters, defaults applied
 * @param schedule when the hub polls after the first poll at start-up; {@code null} for a template the source pushes to
 * @param completeSnapshots whether every poll delivers the whole dataset (then missing entities are deletions)
 * @param mapping the declarative mapping
 * @param dataset the dataset the connector feeds (for a connector of many municipalities: the first one's)
 * @param municipalities one row per municipality when one connector serves many ({@code name}, {@code ico},
 *     {@code ruian} and any other values its parameters use as {@code {key}}); empty for one municipality
 * @param resilience retries, circuit breaker and stale alert of the connector's source (each municipality's own)
 */
public record ConnectorDefinition(
        String id,
        String title,
        String description,
        Path folder,
        String template,
        Map<String, String> parameters,
        Schedule schedule,
        boolean completeSnapshots,
        MappingSpec mapping,
        Dataset dataset,
        List<Map<String, String>> municipalities,
        Resilience resilience) {

    /** Separates a connector's id from the IČO in the ids of its per-municipality instances. */
    public static final String INSTANCE_SEPARATOR = "--";

    /**
     * The connectors that actually run: this one, or one per municipality row, with id {@code <id>--<IČO>}, the
     * row's municipality in the dataset (so its own graph) and {@code {key}} in parameter values replaced by the row's
     * values.
     */
    public List<ConnectorDefinition> instances() {
        if (municipalities.isEmpty()) {
            return List.of(this);
        }
        List<ConnectorDefinition> instances = new ArrayList<>(municipalities.size());
        for (Map<String, String> row : municipalities) {
            Map<String, String> values = new LinkedHashMap<>();
            parameters.forEach((name, value) -> values.put(name, fill(value, row)));
            Dataset own = new Dataset(
                    dataset.id(),
                    dataset.titleCs(),
                    dataset.titleEn(),
                    dataset.descriptionCs(),
                    dataset.descriptionEn(),
                    row.get("name"),
                    row.get("ico"),
                    row.get("ruian"),
                    dataset.privacy(),
                    dataset.classification(),
                    dataset.catalog());
            instances.add(new ConnectorDefinition(
                    id + INSTANCE_SEPARATOR + row.get("ico"),
                    title + " – " + row.get("name"),
                    description,
                    folder,
                    template,
                    values,
                    schedule,
                    completeSnapshots,
                    mapping,
                    own,
                    List.of(),
                    resilience));
        }
        return instances;
    }

    /** The value with every {@code {key}} of the row replaced by the row's value. */
    static String fill(String value, Map<String, String> row) {
        String filled = value;
        for (Map.Entry<String, String> column : row.entrySet()) {
            filled = filled.replace("{" + column.getKey() + "}", column.getValue());
        }
        return filled;
    }

    /**
     * @param id the dataset id ({@code uredni-deska}); with the municipality it names the dataset's graph
     * @param titleCs the Czech title
     * @param titleEn the English title
     * @param descriptionCs the Czech description
     * @param descriptionEn the English description
     * @param municipalityName the municipality or authority publishing the data
     * @param ico its IČO (8 digits)
     * @param ruian the RÚIAN code of its municipality
     * @param privacy whether it may hold personal data, and what the hub does with what it finds
     * @param catalog what the hub's catalogue says about the dataset beside the above
     */
    public record Dataset(
            String id,
            String titleCs,
            String titleEn,
            String descriptionCs,
            String descriptionEn,
            String municipalityName,
            String ico,
            String ruian,
            DatasetPrivacy privacy,
            DataClassification classification,
            CatalogEntry catalog) {

        /** The named graph of this dataset and municipality: {@code <base>graph/<dataset>/<ico>}. */
        public String graphIri(String baseIri) {
            return baseIri + "graph/" + id + "/" + ico;
        }
    }
}
