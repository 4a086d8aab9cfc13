package cz.spojka.access;

/** A change that clashes with what the registry holds: a tenant or agency that exists already. */
public final class AccessConflict extends RuntimeException {

    AccessConflict(String message) {
        super(message);
    }
}
