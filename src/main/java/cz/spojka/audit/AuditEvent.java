package cz.spojka.audit;

/**
 * What happened, as the audit log is told of it: one request, or an event of the log itself. Every field but
 * {@code actor}, {@code action} and {@code outcome} may be null.
 *
 * @param actor the agency's id, {@code anonymous}, the credential of a caller without an agency (e.g.
 *     {@code admin-key}), or {@code hub} for the log's own events
 * @param credential what authenticated the caller: {@code key:<id>}, {@code token:<subject>}, {@code admin-key}
 * @param role the caller's role, in lower case
 * @param client the client's address
 * @param method the HTTP method
 * @param path the request's path and query string, without any parameter that may hold a secret
 * @param action a short name of what was asked, e.g. {@code sparql.query}, {@code grant.create}
 * @param target the dataset, graph, resource or item the request was about, where the path names one
 * @param status the HTTP status of the answer
 * @param outcome {@code allowed}, {@code refused} (401, 403, 429), {@code error}; for the log's own events
 *     {@code repaired} or {@code opened}
 * @param queryHash SHA-256 (hex) of the SPARQL query's text, for SPARQL queries
 * @param detail a sentence about an event of the log itself
 */
public record AuditEvent(
        String actor,
        String credential,
        String role,
        String client,
        String method,
        String path,
        String action,
        String target,
        Integer status,
        String outcome,
        String queryHash,
        String detail) {

    public static final String ALLOWED = "allowed";
    public static final String REFUSED = "refused";
    public static final String ERROR = "error";
    public static final String REPAIRED = "repaired";
    public static final String OPENED = "opened";

    /** The outcome of an answer with {@code status}: refusals of authentication, authorisation and limits apart. */
    public static String outcomeOf(int status) {
        if (status == 401 || status == 403 || status == 429) {
            return REFUSED;
        }
        return status < 400 ? ALLOWED : ERROR;
    }
}
