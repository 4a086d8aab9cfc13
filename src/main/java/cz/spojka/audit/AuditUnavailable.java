package cz.spojka.audit;

/** The audit log cannot be written now: a request whose entry it must hold is refused before it runs. */
public final class AuditUnavailable extends RuntimeException {

    AuditUnavailable(String reason) {
        super("The audit log cannot be written (" + reason + "), so the hub refuses the requests it must record until"
                + " it can. Public data can still be read without credentials.");
    }
}
