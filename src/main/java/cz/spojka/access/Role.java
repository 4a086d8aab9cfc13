package cz.spojka.access;

/**
 * What a caller may do, each role including the ones before it: the public reads public data; a reader (an agency)
 * also reads what it has been granted and manages its own subscriptions; an operator runs the hub (connectors, dead
 * letters, replays, store) and reads every dataset; an administrator also manages tenants, agencies, keys and grants
 * and reads the audit log.
 */
public enum Role {
    PUBLIC,
    READER,
    OPERATOR,
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
