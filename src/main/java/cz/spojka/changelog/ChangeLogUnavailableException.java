package cz.spojka.changelog;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The change log (Kafka) could not be written or read because the broker is away or did not answer in time: a fault of
 * the hub's own infrastructure, not of the data, so the same run succeeds once the broker is back. A file-drop run
 * that fails with it leaves its file in the folder to be read again, instead of setting the file aside as broken.
 *
 * <p>Only failures Kafka itself calls retriable (a timeout, a lost connection, no leader) are this exception; others,
 * such as a record too large for the topic, would fail again on every attempt and stay plain failures of the run.
 */
public final class ChangeLogUnavailableException extends IllegalStateException {

    private ChangeLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure of a Kafka call that failed with {@code cause}: this exception when retrying may succeed. */
    static IllegalStateException of(String message, Throwable cause) {
        return cause instanceof RetriableException
                ? new ChangeLogUnavailableException(message, cause)
                : new IllegalStateException(message, cause);
    }

    /** Whether {@code failure} or one of its causes is this exception. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ChangeLogUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
