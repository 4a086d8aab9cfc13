package cz.spojka.privacy;

import java.util.Arrays;
import java.util.List;

/** What the hub does with an entity in which the detectors find personal data ({@code dataset.privacy.policy}). */
public enum PrivacyPolicy {
    /** Publish as mapped, without looking: only for datasets classified {@code public}. */
    PUBLISH("publish"),
    /** Replace every finding with "[osobní údaj]" and drop every link whose address carries one. */
    REDACT("redact"),
    /** Replace every finding with "[osobní údaj" + a keyed hash of it + "]", the same for the same value. */
    PSEUDONYMISE("pseudonymise"),
    /** Publish nothing of the entity until an operator releases or discards it. */
    HOLD("hold");

    private final String id;

    PrivacyPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PrivacyPolicy::id).toList();
    }

    /** The policy of that name, or {@code null}. */
    public static PrivacyPolicy of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }
}
