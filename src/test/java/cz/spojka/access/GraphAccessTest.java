package cz.spojka.access;

import static org.assertj.core.api.Assertions.assertThat;

import cz.spojka.store.PublishedGraphs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphAccessTest {

    private static final String BASE = "https://data.example.cz/";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Map<String, DataClassification> DATASETS = Map.of(
            "uredni-deska", DataClassification.PUBLIC,
            "zaplnenost-nadob", DataClassification.RESTRICTED,
            "obsazenost-parkovist", DataClassification.INTERNAL);

    private final GraphAccess access =
            new GraphAccess(BASE, new PublishedGraphs(BASE), dataset -> Optional.ofNullable(DATASETS.get(dataset)));

    private static final String NOTICES = BASE + "graph/uredni-deska/00270211";
    private static final String BINS_PRAGUE = BASE + "graph/zaplnenost-nadob/00064581";
    private static final String BINS_CHRUDIM = BASE + "graph/zaplnenost-nadob/00270211";
    private static final String PARKING = BASE + "graph/obsazenost-parkovist/00064581";
    private static final String REMOVED = BASE + "graph/stary-dataset/00064581";
    private static final String VOCABULARY = BASE + "vocab";

    private static Caller agency(Grant... grants) {
        return new Caller("technicke-sluzby", Role.READER, List.of(grants), "key:k1");
    }

    private static Grant grant(String municipality, Instant expiresAt) {
        return new Grant("g1", "technicke-sluzby", "zaplnenost-nadob", municipality, expiresAt, NOW.minusSeconds(60));
    }

    @Test
    void theAnonymousPublicSeesPublicAndSharedGraphsOnly() {
        assertThat(access.visible(Caller.ANONYMOUS, NOTICES, NOW)).isTrue();
        assertThat(access.visible(Caller.ANONYMOUS, VOCABULARY, NOW)).isTrue();
        assertThat(access.visible(Caller.ANONYMOUS, BINS_PRAGUE, NOW)).isFalse();
        assertThat(access.visible(Caller.ANONYMOUS, PARKING, NOW)).isFalse();
        assertThat(access.visible(Caller.ANONYMOUS, "urn:x-spojka:offsets", NOW))
                .isFalse();
    }

    @Test
    void anAgencySeesWhatItsGrantsCoverUntilTheyExpire() {
        Caller granted = agency(grant("00064581", NOW.plusSeconds(1)));
        assertThat(access.visible(granted, BINS_PRAGUE, NOW)).isTrue();
        assertThat(access.visible(granted, BINS_CHRUDIM, NOW)).isFalse();
        assertThat(access.visible(granted, PARKING, NOW)).isFalse();
        assertThat(access.visible(granted, BINS_PRAGUE, NOW.plusSeconds(1))).isFalse();
        assertThat(access.visible(agency(grant(null, null)), BINS_CHRUDIM, NOW)).isTrue();
        assertThat(access.visible(agency(), BINS_PRAGUE, NOW)).isFalse();
    }

    @Test
    void operatorsSeeEveryDatasetButNeverTheHubsBookkeeping() {
        Caller operator = new Caller("it", Role.OPERATOR, List.of(), "key:k2");
        assertThat(access.visible(operator, BINS_PRAGUE, NOW)).isTrue();
        assertThat(access.visible(operator, PARKING, NOW)).isTrue();
        assertThat(access.visible(operator, "urn:x-spojka:offsets", NOW)).isFalse();
    }

    @Test
    void aGraphOfADatasetNoConnectorDeclaresIsInternal() {
        assertThat(access.classification("stary-dataset")).isEqualTo(DataClassification.INTERNAL);
        assertThat(access.visible(Caller.ANONYMOUS, REMOVED, NOW)).isFalse();
        assertThat(access.visible(agency(grant(null, null)), REMOVED, NOW)).isFalse();
    }

    @Test
    void aCatalogueRecordsGraphIsReadAsItsDatasetsGraph() {
        String binsRecord = BASE + "catalog/datasets/zaplnenost-nadob/00064581";
        assertThat(access.visible(Caller.ANONYMOUS, binsRecord, NOW)).isFalse();
        assertThat(access.visible(agency(grant("00064581", null)), binsRecord, NOW))
                .isTrue();
        assertThat(access.visible(agency(grant("00270211", null)), binsRecord, NOW))
                .isFalse();
        assertThat(access.visible(Caller.ANONYMOUS, BASE + "catalog", NOW)).isTrue();
        assertThat(access.datasetGraph(binsRecord)).isEmpty();
    }

    @Test
    void parsesOnlyTheConnectorsGraphs() {
        assertThat(access.datasetGraph(BINS_PRAGUE))
                .contains(new GraphAccess.DatasetGraph("zaplnenost-nadob", "00064581", BINS_PRAGUE));
        assertThat(access.datasetGraph(VOCABULARY)).isEmpty();
        assertThat(access.datasetGraph("https://elsewhere.example/graph/uredni-deska/00270211"))
                .isEmpty();
        assertThat(access.datasetGraph(BASE + "graph/uredni-deska/123")).isEmpty();
    }
}
