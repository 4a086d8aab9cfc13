package cz.spojka.linkeddata;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a point from a GeoSPARQL WKT literal: {@code POINT(lon lat)} in CRS84 (the default, and what the mappings and
 * the reference data write), or with an explicit {@code <…/EPSG/0/4326>} whose axis order is latitude first.
 */
final class WktPoint {

    private static final Pattern POINT = Pattern.compile(
            "\\s*(?:<([^>]*)>\\s*)?POINT\\s*Z?\\s*\\(\\s*(-?[0-9.eE+-]+)\\s+(-?[0-9.eE+-]+)(?:\\s+[^)]*)?\\)\\s*",
            Pattern.CASE_INSENSITIVE);

    private WktPoint() {}

    static Optional<PageContent.Point> parse(String wkt) {
        Matcher m = POINT.matcher(wkt);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            double first = Double.parseDouble(m.group(2));
            double second = Double.parseDouble(m.group(3));
            boolean latitudeFirst = m.group(1) != null && m.group(1).endsWith("/EPSG/0/4326");
            double latitude = latitudeFirst ? first : second;
            double longitude = latitudeFirst ? second : first;
            if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                return Optional.empty();
            }
            return Optional.of(new PageContent.Point(latitude, longitude));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
