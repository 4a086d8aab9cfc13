package cz.spojka.privacy;

import java.util.Arrays;
import java.util.List;

/** What a dataset declares about the personal data it may hold ({@code dataset.privacy.classification}). */
public enum Classification {
    /** It describes no natural persons: measurements, budgets, codelists. */
    PUBLIC("public"),
    /** It may name natural persons or hold other personal data: notices, contracts, reports, resolutions. */
    PERSONAL("personal");

    private final String id;

    Classification(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Classification::id).toList();
    }

    /** The classification of that name, or {@code null}. */
    public static Classification of(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst().orElse(null);
    }
}
