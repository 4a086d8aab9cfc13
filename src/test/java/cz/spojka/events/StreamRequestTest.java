package cz.spojka.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamRequestTest {

    @Test
    void valuesMayBeRepeatedOrSeparatedByCommas() {
        StreamRequest request = StreamRequest.parse(
                Map.of(
                        "type", new String[] {"cz.spojka.notice, cz.spojka.sensor", "cz.spojka.observation"},
                        "dataset", new String[] {"podnety"},
                        "municipality", new String[] {"44992785,00845451"},
                        "bbox", new String[] {"14.22, 49.94, 14.71, 50.18"}),
                null);

        assertThat(request.filter().types())
                .containsExactly("cz.spojka.notice", "cz.spojka.sensor", "cz.spojka.observation");
        assertThat(request.filter().datasets()).containsExactly("podnety");
        assertThat(request.filter().municipalities()).isEqualTo(Set.of("44992785", "00845451"));
        assertThat(request.filter().bbox()).isEqualTo(new BoundingBox(14.22, 49.94, 14.71, 50.18));
        assertThat(request.replays()).isFalse();
    }

    @Test
    void aStreamReplaysFromLastEventIdOrSince() {
        StreamRequest resumed = StreamRequest.parse(Map.of(), "0:5,1:6");
        StreamRequest since = StreamRequest.parse(Map.of("since", new String[] {"2026-11-26T17:00:00+01:00"}), "");

        assertThat(resumed.replays()).isTrue();
        assertThat(resumed.resumeAfter().id()).isEqualTo("0:5,1:6");
        assertThat(since.replays()).isTrue();
        assertThat(since.since()).isEqualTo(Instant.parse("2026-11-26T16:00:00Z"));
        assertThat(since.resumeAfter()).as("a blank Last-Event-ID is none").isNull();
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> StreamRequest.parse(
                        Map.of(
                                "municipality", new String[] {"4499278"},
                                "bbox", new String[] {"200,0,10", "1,2,3,4"},
                                "since", new String[] {"2026-11-26T17:00:00"},
                                "typ", new String[] {"notice"}),
                        "1:x"))
                .isInstanceOfSatisfying(
                        StreamRequest.InvalidStreamRequest.class,
                        e -> assertThat(e.problems())
                                .isEqualTo(List.of(
                                        "unknown parameter 'typ'; the parameters are bbox, dataset, municipality, since, type",
                                        "municipality: '4499278' is not an IČO (8 digits)",
                                        "bbox: give it once, not 2 times",
                                        "since: '2026-11-26T17:00:00' is not an ISO 8601 time with an offset, e.g."
                                                + " 2026-11-26T16:00:00Z",
                                        "Last-Event-ID: '1:x' is not an event id of this stream (partition:offset pairs,"
                                                + " comma-separated, e.g. 0:120,1:98,2:131)")));
    }

    @Test
    void aBoxMustBeFourNumbersInRangeWithTheMinimumFirst() {
        assertThatThrownBy(() -> BoundingBox.parse("14,50,15"))
                .hasMessage("'14,50,15' is not minLon,minLat,maxLon,maxLat in WGS 84 degrees, e.g."
                        + " 14.22,49.94,14.71,50.18");
        assertThatThrownBy(() -> BoundingBox.parse("170,-91,190,50"))
                .hasMessage("'170,-91,190,50': longitudes must lie between -180 and 180, latitudes must lie"
                        + " between -90 and 90");
        assertThatThrownBy(() -> BoundingBox.parse("15,50,14,51"))
                .hasMessage("'15,50,14,51': the minimum must not exceed the maximum (a box across the antimeridian"
                        + " is two requests)");
    }
}
