package cz.spojka.changelog;

/** Where a run sends what it rejects: the dead-letter topic, or (for a replay) the same topic with a link back. */
@FunctionalInterface
public interface DeadLetterSink {

    /**
     * Writes the letter and returns its id in the dead-letter log, {@code <partition>-<offset>}, once the broker has
     * acknowledged it.
     */
    String publish(DeadLetter letter);
}
