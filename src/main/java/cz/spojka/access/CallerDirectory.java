package cz.spojka.access;

import java.util.Optional;

/**
 * The current caller of an agency, for work done on its behalf outside a request: deliveries of a subscription it
 * owns, its event stream. Asked at the time of the work, so that a grant that expired or an agency that was disabled
 * since stops it.
 */
public interface CallerDirectory {

    /** The agency's role and current grants; empty when no such agency exists or it is disabled. */
    Optional<Caller> caller(String agencyId);
}
