package cz.spojka.access;

/** A change to the access registry that is refused as given: the message names the field and says what is wrong. */
public final class InvalidAccessChange extends RuntimeException {

    private final String field;

    InvalidAccessChange(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
