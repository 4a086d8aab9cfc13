package cz.spojka.connector;

import cz.spojka.mapping.MappingSpec;
import java.nio.file.Path;
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
 * @param dataset the dataset the connector feeds
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
        Dataset dataset) {

    /**
     * @param id the dataset id ({@code uredni-deska}); with the municipality it names the dataset's graph
     * @param titleCs the Czech title
     * @param titleEn the English title
     * @param description the Czech description
     * @param municipalityName the municipality or authority publishing the data
     * @param ico its IČO (8 digits)
     * @param ruian the RÚIAN code of its municipality
     */
    public record Dataset(
            String id,
            String titleCs,
            String titleEn,
            String description,
            String municipalityName,
            String ico,
            String ruian) {

        /** The named graph of this dataset and municipality: {@code <base>graph/<dataset>/<ico>}. */
        public String graphIri(String baseIri) {
            return baseIri + "graph/" + id + "/" + ico;
        }
    }
}
