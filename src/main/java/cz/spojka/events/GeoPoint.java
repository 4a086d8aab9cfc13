package cz.spojka.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Where a located entity is: its GeoSPARQL point, {@code <entity> geo:hasGeometry [ geo:asWKT "POINT(lon lat)" ]},
 * as the sensor and citizen-report mappings write it. A WKT literal without a CRS is in CRS84 (longitude first); a
 * literal that names another CRS is not read, since its axis order may differ.
 */
record GeoPoint(double lon, double lat) {

    private static final Node HAS_GEOMETRY = NodeFactory.createURI("http://www.opengis.net/ont/geosparql#hasGeometry");
    private static final Node AS_WKT = NodeFactory.createURI("http://www.opengis.net/ont/geosparql#asWKT");
    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String NUMBER = "([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
    private static final Pattern POINT = Pattern.compile(
            "\\s*(?:<([^>]*)>\\s*)?POINT\\s*Z?\\s*\\(\\s*" + NUMBER + "\\s+" + NUMBER + "[^)]*\\)\\s*",
            Pattern.CASE_INSENSITIVE);

    /** The first point of the entity's geometries, if it has one. */
    static Optional<GeoPoint> of(Graph entity, String entityIri) {
        Node subject = NodeFactory.createURI(entityIri);
        return entity.find(subject, HAS_GEOMETRY, Node.ANY).toList().stream()
                .flatMap(geometry -> entity.find(geometry.getObject(), AS_WKT, Node.ANY).toList().stream())
                .map(Triple::getObject)
                .filter(Node::isLiteral)
                .map(wkt -> parse(wkt.getLiteralLexicalForm()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    static Optional<GeoPoint> parse(String wkt) {
        Matcher point = POINT.matcher(wkt);
        if (!point.matches() || (point.group(1) != null && !point.group(1).equals(CRS84))) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(Double.parseDouble(point.group(2)), Double.parseDouble(point.group(3))));
    }
}
