package cz.spojka.linkeddata;

import java.util.List;
import java.util.Set;

/**
 * One page of the entities a page lists (those linking to a resource, or those of a graph).
 *
 * @param total how many there are on all pages
 */
record Listing(long total, List<Item> items) {

    static final Listing NONE = new Listing(0, List.of());

    /**
     * @param via the properties by which it links to the resource (empty in a graph's listing)
     */
    record Item(String iri, Set<String> types, Labels labels, Set<String> via) {}
}
