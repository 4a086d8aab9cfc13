package cz.spojka.privacy;

/**
 * A dataset's declaration in {@code connector.yaml}: what it may hold, and what the hub does with the personal data
 * it finds.
 */
public record DatasetPrivacy(Classification classification, PrivacyPolicy policy) {

    /** Whether the guard looks into the dataset's entities. */
    public boolean guarded() {
        return policy != PrivacyPolicy.PUBLISH;
    }

    /**
     * Whether what the hub publishes of the dataset is still personal data: only pseudonyms are, as whoever holds the
     * key can link them back to the person (GDPR recital 26). Redacted values are gone, held entities are not
     * published, and a public dataset holds none.
     */
    public boolean publishesPersonalData() {
        return classification == Classification.PERSONAL && policy == PrivacyPolicy.PSEUDONYMISE;
    }
}
