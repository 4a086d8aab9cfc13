package cz.spojka.connector;

import cz.spojka.privacy.HeldEntity;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The review of entities held for personal data, for operators only ({@code access/ApiRoles}), since the held entities
 * are the personal data itself.
 *
 * <ul>
 *   <li>{@code GET /api/held}: every held entity with its findings;
 *   <li>{@code GET /api/connectors/{id}/held}: those of one connector;
 *   <li>{@code POST /api/connectors/{id}/held/{key}/release}: publish one as it is;
 *   <li>{@code POST /api/connectors/{id}/held/{key}/discard}: never publish it.
 * </ul>
 */
@RestController
class HeldEntitiesController {

    private final HeldEntityReview review;

    HeldEntitiesController(HeldEntityReview review) {
        this.review = review;
    }

    @GetMapping("/api/held")
    List<Map<String, Object>> all() {
        return review.all().stream().map(HeldEntitiesController::entry).toList();
    }

    @GetMapping("/api/connectors/{id}/held")
    List<Map<String, Object>> ofConnector(@PathVariable String id) {
        return review.held(id).stream().map(HeldEntitiesController::entry).toList();
    }

    /** {@code decision} is {@code release} or {@code discard}. */
    @PostMapping("/api/connectors/{id}/held/{entity}/{decision}")
    Map<String, Object> decide(@PathVariable String id, @PathVariable String entity, @PathVariable String decision) {
        HeldEntity held = review.entry(id, entity);
        return switch (decision) {
            case "release" -> Map.of("released", held.iri(), "change", review.release(held));
            case "discard" -> {
                review.discard(held);
                yield Map.of("discarded", held.iri());
            }
            default ->
                throw new NoSuchElementException(
                        "No decision '" + decision + "' on a held entity; allowed: release, discard");
        };
    }

    /** No such connector, or no such held entity. */
    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, Object>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    /** The released entity fails the SHACL gate and stays held. */
    @ExceptionHandler(HeldEntityReview.RejectedByGate.class)
    ResponseEntity<Map<String, Object>> rejected(HeldEntityReview.RejectedByGate e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    private static Map<String, Object> entry(HeldEntity entity) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("connector", entity.connectorId());
        entry.put("key", entity.key());
        entry.put("iri", entity.iri());
        entry.put("kind", entity.kind());
        entry.put("recordId", entity.recordId());
        entry.put("heldAt", entity.heldAt().toString());
        entry.put("fetchedAt", entity.fetchedAt().toString());
        entry.put("findings", entity.findings());
        entry.put("entity", entity.ntriples());
        return entry;
    }
}
