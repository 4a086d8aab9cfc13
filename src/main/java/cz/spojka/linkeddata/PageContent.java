package cz.spojka.linkeddata;

import cz.spojka.access.GraphAccess;
import java.util.List;
import java.util.Map;

/**
 * Everything one HTML page shows, read before it is rendered.
 *
 * @param description what the store says about the IRI
 * @param labels the labels of the IRIs the page names (its types, properties, values and listed entities)
 * @param listing the entities the page lists, one page of them
 * @param listingOfGraph whether they are the entities of a graph (else those linking to the IRI)
 * @param paging which page of them this is
 * @param address the page's own address (path and query, without {@code page} and {@code format}), for its links
 * @param datasets the datasets the page names (those the IRI's triples are in, or a municipality's)
 * @param points the points of the IRI's geometries, for the map
 * @param root the application's context path ({@code ""} at the root), which every link of the hub starts with
 */
record PageContent(
        String iri,
        Description description,
        Map<String, Labels> labels,
        Listing listing,
        boolean listingOfGraph,
        Paging paging,
        String address,
        List<DatasetLink> datasets,
        List<Point> points,
        MapTiles tiles,
        String root) {

    Labels label(String iri) {
        return labels.getOrDefault(iri, new Labels());
    }

    /**
     * A dataset a page links to: its graph's page, its record in the catalogue and the downloads.
     *
     * @param title its title in Czech (English after a slash when the connector gives it)
     */
    record DatasetLink(String title, String municipality, GraphAccess.DatasetGraph graph) {}

    /** A point in WGS 84, for the map. */
    record Point(double latitude, double longitude) {}

    /** The dashboard's tile server ({@code spojka.dashboard.tile-url}); an empty URL draws the bundled outline. */
    record MapTiles(String url, String attribution) {}
}
