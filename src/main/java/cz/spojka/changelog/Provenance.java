package cz.spojka.changelog;

import java.time.Instant;

/**
 * Where an entity's current state came from.
 *
 * @param connectorId the connector that fetched it
 * @param recordId the id of the source record it was mapped from
 * @param fetchedAt when the connector fetched the record
 * @param mappingVersion the version of the connector's mapping that produced it
 */
public record Provenance(String connectorId, String recordId, Instant fetchedAt, String mappingVersion) {}
