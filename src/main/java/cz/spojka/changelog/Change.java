package cz.spojka.changelog;

import java.util.List;
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
 * @param changed for an update, the IRIs of the entity's own properties whose values differ from its previous state
 *     on the change log (a change inside a nested blank node counts for the property that holds it), sorted;
 *     {@code null} for a creation or deletion, and for an update whose previous state could not be read
 */
public record Change(
        ChangeType type,
        String entityIri,
        String kind,
        String dataset,
        String graphIri,
        String hash,
        Graph entity,
        Provenance provenance,
        List<String> changed) {

    public String eventType() {
        return eventType(kind, type);
    }

    /** The CloudEvent type of a change of an entity kind: {@code cz.spojka.<kind>.<created|updated|deleted>}. */
    public static String eventType(String kind, ChangeType type) {
        return "cz.spojka." + kind + "." + type.suffix();
    }

    /** The same change, with the properties that changed since the previous state. */
    Change withChanged(List<String> properties) {
        return new Change(type, entityIri, kind, dataset, graphIri, hash, entity, provenance, properties);
    }
}
