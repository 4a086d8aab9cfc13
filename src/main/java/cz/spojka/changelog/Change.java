package cz.spojka.changelog;

import org.apache.jena.graph.Graph;

/**
 * One change of one entity, as it travels on the change log.
 *
 * @param type created, updated or deleted
 * @param entityIri the entity's IRI, also the Kafka key
 * @param kind the entity kind ({@code notice}, {@code notice-board}, ...)
 * @param dataset the dataset id the entity belongs to
 * @param graphIri the named graph the entity is stored in (one per dataset and municipality)
 * @param hash the hash of the entity's canonical form; {@code null} for deletions
 * @param entity the entity's triples; {@code null} for deletions
 * @param provenance where this state came from
 */
public record Change(
        ChangeType type,
        String entityIri,
        String kind,
        String dataset,
        String graphIri,
        String hash,
        Graph entity,
        Provenance provenance) {

    public String eventType() {
        return "cz.spojka." + kind + "." + type.suffix();
    }
}
