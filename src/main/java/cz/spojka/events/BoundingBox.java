package cz.spojka.events;

import java.util.ArrayList;
import java.util.List;

/** The {@code bbox} filter: a box in WGS 84 degrees, {@code minLon,minLat,maxLon,maxLat} (GeoJSON's order). */
record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    static final String FORMAT = "minLon,minLat,maxLon,maxLat in WGS 84 degrees, e.g. 14.22,49.94,14.71,50.18";

    boolean contains(GeoPoint point) {
        return point.lon() >= minLon && point.lon() <= maxLon && point.lat() >= minLat && point.lat() <= maxLat;
    }

    /** Reads the parameter; the message of the exception says what is wrong with it. */
    static BoundingBox parse(String value) {
        String[] parts = value.split(",", -1);
        double[] numbers = new double[4];
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 4; i++) {
                numbers[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not " + FORMAT);
        }
        BoundingBox box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        List<String> problems = box.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("'" + value + "': " + String.join(", ", problems));
        }
        return box;
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!inRange(minLon, 180) || !inRange(maxLon, 180)) {
            problems.add("longitudes must lie between -180 and 180");
        }
        if (!inRange(minLat, 90) || !inRange(maxLat, 90)) {
            problems.add("latitudes must lie between -90 and 90");
        }
        if (minLon > maxLon || minLat > maxLat) {
            problems.add("the minimum must not exceed the maximum (a box across the antimeridian is two requests)");
        }
        return problems;
    }

    private static boolean inRange(double value, double limit) {
        return value >= -limit && value <= limit;
    }
}
