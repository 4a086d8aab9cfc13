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
}
