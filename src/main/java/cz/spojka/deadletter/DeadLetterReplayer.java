package cz.spojka.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cz.spojka.changelog.DeadLetter;
import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.changelog.DeadLetterSink;
import cz.spojka.connector.ConnectorRunner;
import cz.spojka.connector.Connectors;
import cz.spojka.connector.RunReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Replays dead letters through the connector's current mapping, guard, gate and change detection
 * ({@link ConnectorRunner#replayRecords}, the flow a fetched record takes), and records each outcome in the replay
 * log. A replay is idempotent: the change detection finds what a first replay published unchanged the second time.
 */
final class DeadLetterReplayer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The letter cannot be replayed; answered with 409 and the reason. */
    static final class NotReplayable extends RuntimeException {
        NotReplayable(String letterId, String reason) {
            super("dead letter " + letterId + " cannot be replayed: " + reason);
        }
    }

    /** No such letter in the topic (unknown id, or removed by the retention); answered with 404. */
    static final class NoSuchLetter extends RuntimeException {
        NoSuchLetter(String letterId) {
            super("no dead letter " + letterId + " in the dead-letter log (ids are <partition>-<offset>; letters are"
                    + " kept for 30 days)");
        }
    }

    private final DeadLetterLog log;
    private final DeadLetterIndex index;
    private final ConnectorRunner runner;
    private final Connectors connectors;
    private final DeadLetterPublisher publisher;

    DeadLetterReplayer(
            DeadLetterLog log,
            DeadLetterIndex index,
            ConnectorRunner runner,
            Connectors connectors,
            DeadLetterPublisher publisher) {
        this.log = log;
        this.index = index;
        this.runner = runner;
        this.connectors = connectors;
        this.publisher = publisher;
    }

    /** Replays one letter and records the outcome; throws {@link NoSuchLetter} or {@link NotReplayable}. */
    Replay replay(String letterId) {
        LetterSummary summary = index.get(letterId);
        if (summary == null) {
            log.refresh();
            summary = index.get(letterId);
        }
        DeadLetter letter = summary == null ? null : log.read(summary);
        if (letter == null) {
            throw new NoSuchLetter(letterId);
        }
        if (summary.notReplayable() != null) {
            throw new NotReplayable(letterId, summary.notReplayable());
        }
        try {
            connectors.active(letter.connectorId());
        } catch (NoSuchElementException e) {
            throw new NotReplayable(letterId, "its connector '" + letter.connectorId() + "' is not loaded");
        }
        List<String> newLetters = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        RunReport report = run(letterId, letter, rejected -> {
            String id = publisher.publish(rejected, letterId);
            newLetters.add(id);
            reasons.add(rejected.stage() + ": " + rejected.reason());
            return id;
        });
        String outcome = !newLetters.isEmpty()
                ? Replay.REJECTED
                : report.created() + report.updated() > 0 ? Replay.PUBLISHED : Replay.UNCHANGED;
        Replay replay = new Replay(
                letterId,
                Instant.now(),
                outcome,
                report.created(),
                report.updated(),
                report.unchanged(),
                report.rejected(),
                newLetters,
                reasons);
        log.recordReplay(replay);
        return replay;
    }

    /** The connector's letters not replayed yet, oldest first, after catching up with the topic. */
    List<LetterSummary> unresolved(String connectorId) {
        log.refresh();
        return index.unresolved(connectorId);
    }

    private RunReport run(String letterId, DeadLetter letter, DeadLetterSink sink) {
        if ("fetch".equals(letter.stage())) {
            // The letter keeps the whole body that could not be read; the current mapping splits it again.
            return runner.replayBody(letter.connectorId(), letter.record().getBytes(UTF_8), letter.rejectedAt(), sink);
        }
        JsonNode record;
        try {
            record = JSON.readTree(letter.record());
        } catch (JsonProcessingException e) {
            throw new NotReplayable(letterId, "the kept record is not JSON: " + e.getOriginalMessage());
        }
        return runner.replayRecords(letter.connectorId(), List.of(record), letter.rejectedAt(), sink);
    }
}
