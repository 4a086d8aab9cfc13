package cz.spojka.deadletter;

import cz.spojka.changelog.DeadLetter;
import cz.spojka.connector.Connectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dead-letter log for operators (role operator): {@code GET /api/deadletters} lists letters newest first,
 * paged and filtered; {@code GET /api/deadletters/{id}} is one letter whole; {@code POST
 * /api/deadletters/{id}/replay} replays one, {@code POST /api/connectors/{id}/deadletters/replay} every unresolved
 * letter of a connector.
 */
@RestController
class DeadLettersController {

    static final String PATH = "/api/deadletters";
    static final String CONNECTOR_PATH = "/api/connectors/{id}/deadletters/replay";
    static final int MAX_PAGE_SIZE = 500;

    private final DeadLetterLog log;
    private final DeadLetterIndex index;
    private final DeadLetterReplayer replayer;
    private final Connectors connectors;

    DeadLettersController(
            DeadLetterLog log, DeadLetterIndex index, DeadLetterReplayer replayer, Connectors connectors) {
        this.log = log;
        this.index = index;
        this.replayer = replayer;
        this.connectors = connectors;
    }

    @GetMapping(PATH)
    Map<String, Object> list(
            @RequestParam(required = false) String connector,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String since,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size from 1 to " + MAX_PAGE_SIZE
                    + "; given page " + page + ", size " + size);
        }
        LetterFilter filter = LetterFilter.of(connector, stage, since);
        log.refresh();
        DeadLetterIndex.Page found = index.page(filter, page, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", found.total());
        answer.put("page", found.page());
        answer.put("size", found.size());
        answer.put("letters", found.letters().stream().map(this::summary).toList());
        return answer;
    }

    @GetMapping(PATH + "/{id}")
    Map<String, Object> letter(@PathVariable String id) {
        LetterSummary summary = index.get(id);
        if (summary == null) {
            log.refresh();
            summary = index.get(id);
        }
        DeadLetter letter = summary == null ? null : log.read(summary);
        if (letter == null) {
            throw new DeadLetterReplayer.NoSuchLetter(id);
        }
        Map<String, Object> answer = summary(summary);
        answer.put("truncated", letter.truncated());
        answer.put("record", letter.record());
        answer.put("report", letter.report());
        answer.put("replays", index.replays(id));
        return answer;
    }

    @PostMapping(PATH + "/{id}/replay")
    Replay replay(@PathVariable String id) {
        return replayer.replay(id);
    }

    @PostMapping(CONNECTOR_PATH)
    Map<String, Object> replayConnector(@PathVariable String id) {
        connectors.active(id);
        List<Object> results = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List.of(Replay.PUBLISHED, Replay.UNCHANGED, Replay.REJECTED, "notReplayable")
                .forEach(outcome -> counts.put(outcome, 0));
        for (LetterSummary letter : replayer.unresolved(id)) {
            if (letter.notReplayable() != null) {
                counts.merge("notReplayable", 1, Integer::sum);
                results.add(Map.of("letterId", letter.id(), "notReplayable", letter.notReplayable()));
                continue;
            }
            try {
                Replay replay = replayer.replay(letter.id());
                counts.merge(replay.outcome(), 1, Integer::sum);
                results.add(replay);
            } catch (DeadLetterReplayer.NotReplayable | DeadLetterReplayer.NoSuchLetter e) {
                counts.merge("notReplayable", 1, Integer::sum);
                results.add(Map.of("letterId", letter.id(), "notReplayable", e.getMessage()));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("connector", id);
        answer.putAll(counts);
        answer.put("replays", results);
        return answer;
    }

    private Map<String, Object> summary(LetterSummary letter) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", letter.id());
        item.put("connector", letter.connectorId());
        item.put("recordId", letter.recordId());
        item.put("entityIri", letter.entityIri());
        item.put("stage", letter.stage());
        item.put("reason", letter.reason());
        item.put("rejectedAt", letter.rejectedAt().toString());
        item.put("replayOf", letter.replayOf());
        item.put("replayable", letter.notReplayable() == null);
        item.put("notReplayable", letter.notReplayable());
        List<Replay> replays = index.replays(letter.id());
        item.put("replayed", !replays.isEmpty());
        item.put("lastReplay", replays.isEmpty() ? null : replays.get(replays.size() - 1));
        return item;
    }

    @ExceptionHandler(DeadLetterReplayer.NoSuchLetter.class)
    ResponseEntity<Map<String, Object>> notFound(DeadLetterReplayer.NoSuchLetter e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, Object>> noConnector(NoSuchElementException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(DeadLetterReplayer.NotReplayable.class)
    ResponseEntity<Map<String, Object>> conflict(DeadLetterReplayer.NotReplayable e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", message);
        return ResponseEntity.status(status).body(body);
    }
}
