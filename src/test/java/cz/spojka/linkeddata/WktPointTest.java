package cz.spojka.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WktPointTest {

    @Test
    void readsCrs84LongitudeFirstAndEpsg4326LatitudeFirst() {
        assertThat(WktPoint.parse("POINT(15.795158 49.949824)")).hasValue(new PageContent.Point(49.949824, 15.795158));
        assertThat(WktPoint.parse("<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT (14.4 50.1)"))
                .hasValue(new PageContent.Point(50.1, 14.4));
        assertThat(WktPoint.parse("<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(50.1 14.4)"))
                .hasValue(new PageContent.Point(50.1, 14.4));
    }

    @Test
    void ignoresWhatIsNotAPoint() {
        assertThat(WktPoint.parse("LINESTRING(1 2, 3 4)")).isEmpty();
        assertThat(WktPoint.parse("POINT(200 95)")).isEmpty();
    }
}
