package cz.spojka.events;

import java.util.List;
import java.util.Set;

/**
 * Which events a client asked for. Each parameter may be repeated or list values separated by commas; an event
 * passes when it matches one value of every parameter given.
 *
 * @param types event types, each matching itself and the types it is a dot-separated prefix of
 *     ({@code cz.spojka.notice} matches {@code cz.spojka.notice.created}, not {@code cz.spojka.notice-board.created})
 * @param datasets dataset ids ({@code ce_dataset})
 * @param municipalities IČO of municipalities, the last segment of the entity's graph IRI
 * @param bbox only located entities inside it, or {@code null}; a deletion carries no location and always passes
 */
record StreamFilter(List<String> types, Set<String> datasets, Set<String> municipalities, BoundingBox bbox) {

    boolean matches(StreamedEvent event) {
        return (types.isEmpty() || types.stream().anyMatch(type -> matchesType(type, event.type())))
                && (datasets.isEmpty() || datasets.contains(event.dataset()))
                && (municipalities.isEmpty() || municipalities.contains(event.municipality()))
                && (bbox == null
                        || event.deletion()
                        || event.point().filter(bbox::contains).isPresent());
    }

    private static boolean matchesType(String wanted, String type) {
        return type.equals(wanted) || (type.startsWith(wanted) && type.charAt(wanted.length()) == '.');
    }
}
