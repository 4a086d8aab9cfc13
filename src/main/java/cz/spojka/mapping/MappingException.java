package cz.spojka.mapping;

/** A source record that cannot be mapped; the message says why, for the dead-letter log. */
public class MappingException extends RuntimeException {
    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
