package cz.spojka.access;

/**
 * Who may read a dataset, as {@code dataset.classification} of its {@code connector.yaml} declares it (default
 * {@code public}). Not to be confused with {@code dataset.privacy.classification}, which says whether the data names
 * people.
 */
public enum DataClassification {
    /** Everyone, anonymous callers included; the only class on public topics, in the catalogue and in NKOD. */
    PUBLIC,
    /** The agencies granted the dataset ({@code /api/grants}), and operators. */
    RESTRICTED,
    /** Operators and administrators of the hub only. */
    INTERNAL
}
