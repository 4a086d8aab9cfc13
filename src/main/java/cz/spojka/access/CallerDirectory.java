package cz.spojka.access;

import java.util.Optional;

/**
 * The current caller of an agency, for work done on its behalf outside a request: deliveries of a subscription it
 * owns, an event stream opened with one of its credentials. Asked at the time of the work, so that a grant that expired or an agency that was disabled
 * since stops it.
 */
public interface CallerDirectory {

    /** The agency's role and current grants; empty when no such agency exists or it is disabled. */
    Optional<Caller> caller(String agencyId);

    /**
     * {@code caller} as it is now, with the same credential: its agency's current role and grants; empty when the
     * credential no longer authenticates it (a key revoked or expired since, a token expired) or its agency has been
     * disabled or removed. A caller without an agency (the anonymous public, the admin key) is itself while its
     * credential has not expired.
     */
    Optional<Caller> current(Caller caller);
}
