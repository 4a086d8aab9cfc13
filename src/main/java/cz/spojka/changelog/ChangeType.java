package cz.spojka.changelog;

/** What happened to an entity; the suffix of the event type ({@code cz.spojka.<kind>.<suffix>}). */
public enum ChangeType {
    CREATED("created"),
    UPDATED("updated"),
    DELETED("deleted");

    private final String suffix;

    ChangeType(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    static ChangeType ofSuffix(String suffix) {
        for (ChangeType type : values()) {
            if (type.suffix.equals(suffix)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "Unknown change type suffix '" + suffix + "'; expected one of" + " created, updated, deleted");
    }
}
