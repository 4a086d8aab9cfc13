package cz.spojka.changelog;

import java.time.Instant;

/**
 * The facts of one connector run that every change of the run shares.
 *
 * @param connectorId the connector
 * @param dataset the dataset id
 * @param graphIri the named graph of the dataset and municipality
 * @param fetchedAt when the body was fetched
 * @param mappingVersion the mapping version that produced the entities
 * @param runId the run's id, unique among all runs
 */
public record RunContext(
        String connectorId, String dataset, String graphIri, Instant fetchedAt, String mappingVersion, String runId) {

    Provenance provenance(String recordId) {
        return new Provenance(connectorId, recordId, fetchedAt, mappingVersion, runId);
    }
}
