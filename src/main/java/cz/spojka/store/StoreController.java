package cz.spojka.store;

import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/store/compact}: compacts the TDB2 store now and answers with the outcome (role operator,
 * {@code access/ApiRoles}). 409 while another compaction runs or with an external store; 500 when it failed.
 */
@RestController
class StoreController {

    static final String PATH = "/api/store";

    private final Optional<StoreCompaction> compaction;

    StoreController(Optional<StoreCompaction> compaction) {
        this.compaction = compaction;
    }

    @PostMapping(PATH + "/compact")
    ResponseEntity<Map<String, Object>> compact() {
        if (compaction.isEmpty()) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of(
                            "status",
                            409,
                            "error",
                            "only the embedded TDB2 store is compacted by the hub; with spojka.store.type=sparql"
                                    + " compact the external store with its own tools"));
        }
        try {
            StoreCompaction.Outcome outcome = compaction.get().compact("requested through " + PATH + "/compact");
            return ResponseEntity.status(outcome.error() == null ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(StoreHealth.describe(outcome));
        } catch (StoreCompaction.Busy e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", 409, "error", e.getMessage()));
        }
    }
}
