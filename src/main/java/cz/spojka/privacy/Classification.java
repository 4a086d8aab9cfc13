package cz.spojka.privacy;

/** What a dataset declares about the personal data it may hold ({@code dataset.privacy.classification}). */
public enum Classification {
    /** It describes no natural persons: measurements, budgets, codelists. */
    PUBLIC,
    /** It may name natural persons or hold other personal data: notices, contracts, reports, resolutions. */
    PERSONAL
}
