package cz.spojka.privacy;

/** What the hub does with an entity in which the detectors find personal data ({@code dataset.privacy.policy}). */
public enum PrivacyPolicy {
    /** Publish as mapped, without looking: only for datasets classified {@code public}. */
    PUBLISH,
    /** Replace every finding with "[osobní údaj]" and drop every link whose address carries one. */
    REDACT,
    /** Replace every finding with "[osobní údaj" + a keyed hash of it + "]", the same for the same value. */
    PSEUDONYMISE,
    /** Publish nothing of the entity until an operator releases or discards it. */
    HOLD
}
