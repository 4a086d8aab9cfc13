package cz.spojka.store;

import java.io.IOError;
import java.util.ArrayList;
import java.util.List;

/** What the operator reads when the store refuses a write: the causes' messages, from the outermost in. */
final class StoreFailures {

    private StoreFailures() {}

    /**
     * Whether {@code e} is a failure of the store the hub can outlive: any runtime exception, and the errors a full or
     * failing disk raises. On Linux a write to a page of a memory-mapped TDB2 file that the file system cannot back
     * raises SIGBUS, which the JVM turns into an {@link InternalError}.
     */
    static boolean isStoreFault(Throwable e) {
        return e instanceof RuntimeException || e instanceof InternalError || e instanceof IOError;
    }

    static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = e; cause != null && parts.size() < 5; cause = cause.getCause()) {
            String message = cause instanceof InternalError
                    ? "a write to a memory-mapped TDB2 file faulted: the disk is full or failing (" + cause.getMessage()
                            + ")"
                    : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (parts.isEmpty() || !parts.get(parts.size() - 1).contains(message)) {
                parts.add(message);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return String.join(": ", parts);
    }
}
