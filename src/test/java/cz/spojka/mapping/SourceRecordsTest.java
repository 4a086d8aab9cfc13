package cz.spojka.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records pointers tried in order: one mapping reads a GeoJSON FeatureCollection, a single Feature and a bare array,
 * the shapes the same payload takes over HTTP and as one message.
 */
class SourceRecordsTest {

    private static final MappingSpec GEOJSON = new MappingSpec(
            "1",
            MappingSpec.SourceFormat.json,
            List.of("/features", ""),
            "/properties/id",
            "{}",
            List.of(),
            "CONSTRUCT {} WHERE {}");

    @Test
    void readsTheFeaturesOfAFeatureCollection() {
        List<SourceRecords.SourceRecordNode> records = split(GEOJSON, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "ABREA"}},
                  {"type": "Feature", "properties": {"id": "AKALA"}}]}
                """);
        assertThat(records).extracting(SourceRecords.SourceRecordNode::id).containsExactly("ABREA", "AKALA");
    }

    @Test
    void readsASingleFeatureAsOneRecordWhenTheFirstPointerFindsNothing() {
        List<SourceRecords.SourceRecordNode> records =
                split(GEOJSON, "{\"type\": \"Feature\", \"properties\": {\"id\": \"ABREA\"}}");
        assertThat(records).extracting(SourceRecords.SourceRecordNode::id).containsExactly("ABREA");
    }

    @Test
    void readsABareArrayOfFeatures() {
        List<SourceRecords.SourceRecordNode> records =
                split(GEOJSON, "[{\"properties\": {\"id\": \"ABREA\"}}, {\"properties\": {\"id\": 534016.0}}]");
        assertThat(records).extracting(SourceRecords.SourceRecordNode::id).containsExactly("ABREA", "534016.0");
    }

    @Test
    void anEmptyFeatureCollectionHasNoRecordsRatherThanBeingReadAsOne() {
        assertThat(split(GEOJSON, "{\"type\": \"FeatureCollection\", \"features\": []}"))
                .isEmpty();
    }

    @Test
    void aBodyWithNothingAtAnyPointerFailsNamingThemAll() {
        MappingSpec spec = new MappingSpec(
                "1",
                MappingSpec.SourceFormat.json,
                List.of("/features", "/items"),
                "/id",
                "{}",
                List.of(),
                "CONSTRUCT {} WHERE {}");
        assertThatThrownBy(() -> split(spec, "{\"error_message\": \"Forbidden\", \"error_status\": 403}"))
                .isInstanceOf(MappingException.class)
                .hasMessage("The body has nothing at any of the records pointers ['/features', '/items']");
    }

    @Test
    void anXmlListWithoutItemsAtTheSecondPointerHasNoRecords() {
        MappingSpec spec = new MappingSpec(
                "1",
                MappingSpec.SourceFormat.xml,
                List.of("/notices/notice", "/documents/document"),
                "/id",
                "{}",
                List.of(),
                "CONSTRUCT {} WHERE {}");
        assertThat(split(spec, "<search><documents></documents></search>")).isEmpty();
        assertThatThrownBy(() -> split(spec, "<search><other/></search>")).isInstanceOf(MappingException.class);
    }

    private static List<SourceRecords.SourceRecordNode> split(MappingSpec spec, String body) {
        return SourceRecords.split(body.getBytes(StandardCharsets.UTF_8), spec);
    }
}
