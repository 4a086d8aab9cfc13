package cz.spojka.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

class GeoPointTest {

    /** The citizen-reports mapping's output for the GeoReport v2 spec's example request (test fixture). */
    static final Graph REPORT_AND_KIND =
            RDFDataMgr.loadGraph("src/test/resources/cz/spojka/vocab/valid-citizen-report.ttl");

    static final String REPORT = "https://data.spojka.example/zdroj/podnety/44992785/podnět/638344";
    static final String KIND = "https://data.spojka.example/zdroj/podnety/44992785/druh-podnětu/006";

    @Test
    void aLocatedEntityHasItsPointLongitudeFirst() {
        assertThat(GeoPoint.of(REPORT_AND_KIND, REPORT)).hasValue(new GeoPoint(-122.4651145, 37.762221815));
        assertThat(GeoPoint.of(REPORT_AND_KIND, KIND)).isEmpty();
    }

    @Test
    void pointsAreReadInEachFormOfWktWithoutCrsOrInCrs84() {
        assertThat(GeoPoint.parse("POINT(14.445933 50.007304)")).hasValue(new GeoPoint(14.445933, 50.007304));
        assertThat(GeoPoint.parse(" Point Z ( 14.4 50.0 245.5 ) ")).hasValue(new GeoPoint(14.4, 50.0));
        assertThat(GeoPoint.parse("<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT(1e1 -5)"))
                .hasValue(new GeoPoint(10, -5));
        assertThat(GeoPoint.parse("<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(50.0 14.4)"))
                .as("another CRS may put the latitude first")
                .isEqualTo(Optional.empty());
        assertThat(GeoPoint.parse("LINESTRING(14 50, 15 51)")).isEmpty();
    }
}
