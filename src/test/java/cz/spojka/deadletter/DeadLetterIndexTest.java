package cz.spojka.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.spojka.changelog.DeadLetter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final DeadLetterIndex index = new DeadLetterIndex();

    /** Ten letters, one a minute from T0: connectors a (even minutes) and b (odd), stages mapping and shacl. */
    private void tenLetters() {
        for (int i = 0; i < 10; i++) {
            index.add(LetterSummary.of(
                    i % 3,
                    i,
                    new DeadLetter(
                            i % 2 == 0 ? "a" : "b",
                            "r" + i,
                            null,
                            i < 5 ? "mapping" : "shacl",
                            "reason " + i,
                            null,
                            "{}",
                            T0.plusSeconds(60L * i)),
                    null));
        }
    }

    private static List<String> records(DeadLetterIndex.Page page) {
        return page.letters().stream().map(LetterSummary::recordId).toList();
    }

    @Test
    void listsNewestFirstInPages() {
        tenLetters();
        LetterFilter all = LetterFilter.of(null, null, null);

        assertThat(records(index.page(all, 0, 4))).containsExactly("r9", "r8", "r7", "r6");
        assertThat(records(index.page(all, 2, 4))).containsExactly("r1", "r0");
        assertThat(index.page(all, 3, 4).letters()).isEmpty();
        assertThat(index.page(all, 3, 4).total()).isEqualTo(10);
    }

    @Test
    void filtersByConnectorStageAndSince() {
        tenLetters();

        assertThat(records(index.page(LetterFilter.of("a", null, null), 0, 50)))
                .containsExactly("r8", "r6", "r4", "r2", "r0");
        assertThat(records(index.page(LetterFilter.of("b", "mapping", null), 0, 50)))
                .containsExactly("r3", "r1");
        assertThat(records(index.page(LetterFilter.of(null, "shacl", "2026-11-01T10:07:00Z"), 0, 50)))
                .containsExactly("r9", "r8", "r7");
        assertThat(index.page(LetterFilter.of("", null, null), 0, 50).total()).isEqualTo(10);
    }

    @Test
    void refusesAnUnknownStageAndAnUnreadableSince() {
        assertThatThrownBy(() -> LetterFilter.of(null, "gate", null))
                .hasMessage("stage 'gate' is not one of fetch, mapping, shacl, push");
        assertThatThrownBy(() -> LetterFilter.of(null, null, "yesterday"))
                .hasMessage("since 'yesterday' is not an instant such as 2026-11-27T00:00:00Z");
    }

    @Test
    void learningALetterAgainChangesNothingAndExpiryForgetsOldOffsets() {
        tenLetters();
        tenLetters();
        assertThat(index.size()).isEqualTo(10);

        index.expire(0, 4);

        assertThat(index.size()).isEqualTo(8);
        assertThat(index.get("0-0")).isNull();
        assertThat(index.get("0-3")).isNull();
        assertThat(index.get("0-6")).isNotNull();
    }

    @Test
    void aReplayedLetterIsResolvedAndReplaysAreKeptInOrder() {
        tenLetters();
        assertThat(index.unresolvedCount("a")).isEqualTo(5);

        index.addReplay(new Replay("0-0", T0, Replay.PUBLISHED, 1, 0, 0, 0, List.of(), List.of()));
        index.addReplay(new Replay("0-0", T0, Replay.UNCHANGED, 0, 0, 1, 0, List.of(), List.of()));

        assertThat(index.unresolvedCount("a")).isEqualTo(4);
        assertThat(index.unresolved("a")).extracting(LetterSummary::recordId).containsExactly("r2", "r4", "r6", "r8");
        assertThat(index.replays("0-0")).extracting(Replay::outcome).containsExactly("published", "unchanged");
        assertThat(index.count("a", "mapping")).isEqualTo(3);
        assertThat(index.count("b", "shacl")).isEqualTo(3);
    }

    @Test
    void tellsOfTheFirstLetterOfEachConnectorAndStage() {
        List<String> kinds = new ArrayList<>();
        index.onNewKind(l -> kinds.add(l.connectorId() + "/" + l.stage()));

        tenLetters();

        assertThat(kinds).containsExactly("a/mapping", "b/mapping", "b/shacl", "a/shacl");
    }

    @Test
    void aPushALetterWithoutRecordAndATruncatedRecordAreNotReplayable() {
        assertThat(LetterSummary.notReplayable(DeadLetter.now("c", "body", null, "push", "400: x", null, "[]")))
                .startsWith("a push the webhook refused");
        assertThat(LetterSummary.notReplayable(DeadLetter.now("c", "body", null, "fetch", "x", null, null)))
                .isEqualTo("the letter keeps no record to replay");
        assertThat(LetterSummary.notReplayable(
                        DeadLetter.now("c", "1", null, "mapping", "x", null, "y".repeat(64 * 1024 + 1))))
                .startsWith("the record was longer than 64 KiB");
        assertThat(LetterSummary.notReplayable(
                        DeadLetter.now("c", "1", null, "mapping", "x", null, "y".repeat(64 * 1024))))
                .isNull();
    }
}
