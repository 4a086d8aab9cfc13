package cz.spojka.deadletter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The dead letters of the topic and their replays, in memory for listing, paging and counting. The topic and the
 * replay log are the source of truth: the index is read back from them at start-up and learns every letter written
 * since, so a restart changes nothing an operator sees.
 */
final class DeadLetterIndex {

    /** Newest first; letters rejected at the same instant by their position in the topic, latest first. */
    static final Comparator<LetterSummary> NEWEST_FIRST = Comparator.comparing(LetterSummary::rejectedAt)
            .thenComparing(LetterSummary::offset)
            .thenComparing(LetterSummary::partition)
            .reversed();

    /** One page of a listing. */
    record Page(int total, int page, int size, List<LetterSummary> letters) {}

    private final Map<String, LetterSummary> letters = new ConcurrentHashMap<>();
    private final Map<String, List<Replay>> replays = new ConcurrentHashMap<>();
    private final Set<String> kinds = ConcurrentHashMap.newKeySet();
    private final List<Consumer<LetterSummary>> newKinds = new ArrayList<>();

    /** Tells {@code listener} of the first letter of every connector and stage, e.g. to register their metrics. */
    synchronized void onNewKind(Consumer<LetterSummary> listener) {
        newKinds.add(listener);
        letters.values().forEach(listener);
    }

    /** Learns a letter; learning it again changes nothing. */
    void add(LetterSummary letter) {
        if (letters.putIfAbsent(letter.id(), letter) == null
                && kinds.add(letter.connectorId() + " " + letter.stage())) {
            synchronized (this) {
                newKinds.forEach(listener -> listener.accept(letter));
            }
        }
    }

    /** Forgets the letters of a partition that the topic's retention has removed. */
    void expire(int partition, long firstKeptOffset) {
        letters.values().removeIf(l -> l.partition() == partition && l.offset() < firstKeptOffset);
    }

    LetterSummary get(String id) {
        return letters.get(id);
    }

    int size() {
        return letters.size();
    }

    /** Learns a replay of a letter, after the ones known. */
    void addReplay(Replay replay) {
        replays.compute(replay.letterId(), (id, known) -> {
            List<Replay> all = known == null ? new ArrayList<>() : new ArrayList<>(known);
            all.add(replay);
            return List.copyOf(all);
        });
    }

    void putReplays(String letterId, List<Replay> all) {
        replays.put(letterId, List.copyOf(all));
    }

    /** The letter's replays, oldest first. */
    List<Replay> replays(String letterId) {
        return replays.getOrDefault(letterId, List.of());
    }

    /** A letter is resolved once it was replayed: published, found unchanged, or superseded by a new letter. */
    boolean resolved(String letterId) {
        return !replays(letterId).isEmpty();
    }

    /** The letters the filter lets through, newest first, page {@code page} (from 0) of {@code size}. */
    Page page(LetterFilter filter, int page, int size) {
        List<LetterSummary> matching = letters.values().stream()
                .filter(filter::matches)
                .sorted(NEWEST_FIRST)
                .toList();
        int from = (int) Math.min((long) page * size, matching.size());
        return new Page(matching.size(), page, size, matching.subList(from, Math.min(matching.size(), from + size)));
    }

    /** The connector's letters not replayed yet, oldest first (the order they are replayed in). */
    List<LetterSummary> unresolved(String connectorId) {
        return letters.values().stream()
                .filter(l -> l.connectorId().equals(connectorId) && !resolved(l.id()))
                .sorted(NEWEST_FIRST.reversed())
                .toList();
    }

    int count(String connectorId, String stage) {
        return (int) letters.values().stream()
                .filter(l -> l.connectorId().equals(connectorId) && l.stage().equals(stage))
                .count();
    }

    int unresolvedCount(String connectorId) {
        return (int) letters.values().stream()
                .filter(l -> l.connectorId().equals(connectorId) && !resolved(l.id()))
                .count();
    }
}
