package cz.spojka.events;

import java.util.Collections;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Where a stream stands in the change log: for each partition, the offset of the next record to read. It is the id
 * of every event the stream sends ({@code 0:120,1:98,2:131}): a client that reconnects with {@code Last-Event-ID}
 * resumes exactly after the last event it received, however the partitions were interleaved, because every record
 * sent before that event lies below these offsets and every record after it at or above them.
 */
record StreamPosition(SortedMap<Integer, Long> next) {

    StreamPosition {
        next = Collections.unmodifiableSortedMap(new TreeMap<>(next));
    }

    /** The position after the record at {@code offset} of {@code partition}. */
    StreamPosition after(int partition, long offset) {
        SortedMap<Integer, Long> moved = new TreeMap<>(next);
        moved.put(partition, offset + 1);
        return new StreamPosition(moved);
    }

    /** The offset of the next record to read from {@code partition}; 0 (the beginning) for a partition not named. */
    long next(int partition) {
        return next.getOrDefault(partition, 0L);
    }

    /** This position, but nowhere past {@code limit}: a client cannot have seen what the log does not hold yet. */
    StreamPosition notPast(StreamPosition limit) {
        SortedMap<Integer, Long> clamped = new TreeMap<>();
        limit.next.forEach((partition, end) -> clamped.put(partition, Math.min(next(partition), end)));
        return new StreamPosition(clamped);
    }

    /** The event id: {@code partition:offset} pairs, comma-separated, in partition order. */
    String id() {
        StringJoiner id = new StringJoiner(",");
        next.forEach((partition, offset) -> id.add(partition + ":" + offset));
        return id.toString();
    }

    /** Reads an event id back; the message of the exception says what is wrong with it. */
    static StreamPosition parse(String id) {
        SortedMap<Integer, Long> next = new TreeMap<>();
        for (String pair : id.strip().split(",", -1)) {
            String[] parts = pair.split(":", -1);
            try {
                if (parts.length != 2 || next.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1])) != null) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + id + "' is not an event id of this stream"
                        + " (partition:offset pairs, comma-separated, e.g. 0:120,1:98,2:131)");
            }
        }
        if (next.values().stream().anyMatch(offset -> offset < 0)
                || next.keySet().stream().anyMatch(partition -> partition < 0)) {
            throw new IllegalArgumentException("'" + id + "' names a negative partition or offset");
        }
        return new StreamPosition(next);
    }
}
