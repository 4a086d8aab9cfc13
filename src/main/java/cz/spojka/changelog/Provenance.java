package cz.spojka.changelog;

import java.time.Instant;

/**
 * Where an entity's current state came from.
 *
 * @param connectorId the connector that fetched it
 * @param recordId the id of the source record it was mapped from
 * @param fetchedAt when the connector fetched the record
 * @param mappingVersion the mapping that produced it: its declared version and the hash of its files
 *     ({@code 1+3f9a0c1b2d4e})
 * @param runId the connector run that published it ({@code null} in events written before runs had ids)
 */
public record Provenance(String connectorId, String recordId, Instant fetchedAt, String mappingVersion, String runId) {}
