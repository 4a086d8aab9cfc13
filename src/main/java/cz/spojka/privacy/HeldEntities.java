package cz.spojka.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The entities held for review and the operators' decisions on them, one JSON file per connector in
 * {@code <data-dir>/held-for-review/}, so that a restart keeps them. An entity stays held until an operator releases or
 * discards it, a later run delivers it without personal data, or a complete snapshot no longer delivers it; a
 * decision holds for the content it was taken on (the entity's hash) and is forgotten with the entity.
 */
public final class HeldEntities {

    /** What an operator decided on a held entity. */
    public enum Decision {
        /** Published as it is: the review found no personal data to keep back. */
        RELEASED,
        /** Never published. */
        DISCARDED
    }

    private record Decided(Decision decision, String hash) {}

    /** What one connector's file holds. */
    private record Review(Map<String, HeldEntity> held, Map<String, Decided> decisions) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path dir;
    private final Map<String, Review> reviews = new HashMap<>();

    public HeldEntities(Path dir) {
        this.dir = dir;
    }

    /** The connector's held entities, oldest first. */
    public synchronized List<HeldEntity> held(String connectorId) {
        return new ArrayList<>(review(connectorId).held().values());
    }

    /** Every connector's held entities, by connector and then oldest first. */
    public synchronized List<HeldEntity> all() {
        List<HeldEntity> all = new ArrayList<>();
        for (String connectorId : connectorsWithFiles()) {
            all.addAll(review(connectorId).held().values());
        }
        return all;
    }

    public synchronized Optional<HeldEntity> held(String connectorId, String key) {
        return review(connectorId).held().values().stream()
                .filter(h -> h.key().equals(key))
                .findFirst();
    }

    /** The decision on the entity with this content, or {@code null}. */
    public synchronized Decision decision(String connectorId, String iri, String hash) {
        Decided decided = review(connectorId).decisions().get(iri);
        return decided != null && decided.hash().equals(hash) ? decided.decision() : null;
    }

    /**
     * Records what a run held. The entities it held replace their earlier versions; those it delivered without holding
     * them are no longer held; after a complete snapshot, entities it did not deliver are forgotten with their
     * decisions.
     *
     * @param delivered the IRIs of every entity the run delivered
     */
    public synchronized void recordRun(
            String connectorId, Collection<HeldEntity> heldNow, Set<String> delivered, boolean completeSnapshot) {
        Review review = review(connectorId);
        boolean changed = review.held().keySet().removeIf(iri -> delivered.contains(iri) || completeSnapshot);
        changed |= completeSnapshot && review.decisions().keySet().removeIf(iri -> !delivered.contains(iri));
        for (HeldEntity entity : heldNow) {
            review.held().put(entity.iri(), entity);
            changed = true;
        }
        if (changed) {
            save(connectorId, review);
        }
    }

    /** Takes a held entity off the list and remembers the decision for its content. */
    public synchronized void decide(HeldEntity entity, Decision decision) {
        Review review = review(entity.connectorId());
        review.held().remove(entity.iri());
        review.decisions().put(entity.iri(), new Decided(decision, entity.hash()));
        save(entity.connectorId(), review);
    }

    private Review review(String connectorId) {
        return reviews.computeIfAbsent(connectorId, this::load);
    }

    private Review load(String connectorId) {
        Path file = file(connectorId);
        if (!Files.isRegularFile(file)) {
            return new Review(new LinkedHashMap<>(), new HashMap<>());
        }
        try {
            Review stored = JSON.readValue(file.toFile(), Review.class);
            return new Review(new LinkedHashMap<>(stored.held()), new HashMap<>(stored.decisions()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the entities held for review from " + file, e);
        }
    }

    private void save(String connectorId, Review review) {
        Path file = file(connectorId);
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, connectorId, ".tmp");
            JSON.writeValue(temporary.toFile(), review);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the entities held for review to " + file, e);
        }
    }

    private List<String> connectorsWithFiles() {
        List<String> ids = new ArrayList<>(reviews.keySet());
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString())
                        .filter(name -> name.endsWith(".json"))
                        .map(name -> name.substring(0, name.length() - ".json".length()))
                        .filter(id -> !ids.contains(id))
                        .forEach(ids::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
        }
        ids.sort(null);
        return ids;
    }

    private Path file(String connectorId) {
        return dir.resolve(connectorId + ".json");
    }
}
