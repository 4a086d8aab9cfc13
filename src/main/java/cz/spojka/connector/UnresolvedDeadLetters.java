package cz.spojka.connector;

/**
 * How many of a connector's dead letters wait for the operator (not replayed yet), shown at {@code /api/connectors};
 * provided by the dead-letter log.
 */
@FunctionalInterface
public interface UnresolvedDeadLetters {

    int count(String connectorId);
}
