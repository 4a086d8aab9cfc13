package cz.spojka.system;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the start-up says about the hub's credentials: the packaged defaults are the demo's (the admin key
 * {@code demo-admin}, the seed {@code access/demo.yaml} with the agency key {@code demo-agency-key}), published in the
 * README, so that {@code mvn spring-boot:run} works as documented. They are harmless on a developer's machine and an
 * open door on a hub published at a real address, which is what these warnings say, with what to set.
 */
final class CredentialWarnings {

    static final String DEMO_ADMIN_KEY = "demo-admin";
    static final Path DEMO_SEED = Path.of("access", "demo.yaml");

    /** Shorter admin keys can be guessed; the agencies' own keys are 32 random bytes. */
    static final int MIN_ADMIN_KEY_LENGTH = 16;

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private CredentialWarnings() {}

    static List<String> of(SpojkaProperties properties) {
        return of(
                properties.baseIri(),
                properties.admin().apiKey(),
                properties.access().seedFile());
    }

    static List<String> of(String baseIri, String adminKey, String seedFile) {
        List<String> warnings = new ArrayList<>();
        boolean published = !local(baseIri);
        boolean demoKey = adminKey.equals(DEMO_ADMIN_KEY);
        if (published && demoKey) {
            warnings.add("spojka.admin.api-key is the demo's key " + DEMO_ADMIN_KEY + ", which everyone who reads the"
                    + " README knows, and the hub is published at " + baseIri + ": set"
                    + " SPOJKA_ADMIN_API_KEY to a secret of at least " + MIN_ADMIN_KEY_LENGTH + " characters, or to"
                    + " nothing once an admin agency has its own key");
        } else if (!demoKey && !adminKey.isEmpty() && adminKey.length() < MIN_ADMIN_KEY_LENGTH) {
            warnings.add("spojka.admin.api-key has " + adminKey.length() + " characters: set SPOJKA_ADMIN_API_KEY to"
                    + " a secret of at least " + MIN_ADMIN_KEY_LENGTH + " random characters");
        }
        if (published && !seedFile.isBlank() && Path.of(seedFile).normalize().endsWith(DEMO_SEED)) {
            warnings.add("spojka.access.seed-file is the demo's " + seedFile + " (the agency demo-agency with the key"
                    + " demo-agency-key, which everyone who reads the README knows), and the hub is published at "
                    + baseIri + ": set SPOJKA_ACCESS_SEEDFILE to nothing and revoke demo-agency's key"
                    + " (DELETE /api/agencies/demo-agency/keys/<id>)");
        }
        return warnings;
    }

    private static boolean local(String baseIri) {
        String host = URI.create(baseIri).getHost();
        return host != null
                && (LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT))
                        || host.toLowerCase(Locale.ROOT).endsWith(".localhost"));
    }
}
