package cz.spojka.mapping;

/** One of the bodies fetched together cannot be parsed at all; {@link #index()} says which, so it can be shown. */
public final class UnreadableBodyException extends MappingException {

    private final int index;

    UnreadableBodyException(int index, int bodies, MappingException cause) {
        super(
                bodies == 1 ? cause.getMessage() : "Page " + (index + 1) + " of " + bodies + ": " + cause.getMessage(),
                cause);
        this.index = index;
    }

    /** The 0-based position of the body among those fetched together. */
    public int index() {
        return index;
    }
}
