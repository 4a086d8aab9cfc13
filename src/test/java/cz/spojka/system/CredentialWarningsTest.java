package cz.spojka.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialWarningsTest {

    private static final String PUBLISHED = "https://data.chrudim.cz/";

    @Test
    void theDemoCredentialsOnADevelopersMachineAreFine() {
        assertThat(CredentialWarnings.of("http://localhost:8080/", "demo-admin", "access/demo.yaml"))
                .isEmpty();
        assertThat(CredentialWarnings.of("http://127.0.0.1:8080/", "demo-admin", "./access/demo.yaml"))
                .isEmpty();
    }

    @Test
    void theDemoCredentialsOnAPublishedHubAreEachNamedWithWhatToSet() {
        assertThat(CredentialWarnings.of(PUBLISHED, "demo-admin", "access/demo.yaml"))
                .containsExactly(
                        "spojka.admin.api-key is the demo's key demo-admin, which everyone who reads the README knows,"
                                + " and the hub is published at https://data.chrudim.cz/: set SPOJKA_ADMIN_API_KEY to a"
                                + " secret of at least 16 characters, or to nothing once an admin agency has its own"
                                + " key",
                        "spojka.access.seed-file is the demo's access/demo.yaml (the agency demo-agency with the key"
                                + " demo-agency-key, which everyone who reads the README knows), and the hub is"
                                + " published at https://data.chrudim.cz/: set SPOJKA_ACCESS_SEEDFILE to nothing and"
                                + " revoke demo-agency's key (DELETE /api/agencies/demo-agency/keys/<id>)");
    }

    @Test
    void aShortAdminKeyIsNamedWhereverTheHubRuns() {
        assertThat(CredentialWarnings.of("http://localhost:8080/", "kratky-klic", ""))
                .containsExactly("spojka.admin.api-key has 11 characters: set SPOJKA_ADMIN_API_KEY to a secret of at"
                        + " least 16 random characters");
    }

    @Test
    void aLongOwnKeyWithoutSeedIsFine() {
        assertThat(CredentialWarnings.of(PUBLISHED, "x7Qm2vL9pR4tZ8wK3nB6", "")).isEmpty();
        assertThat(CredentialWarnings.of(PUBLISHED, "", "")).isEmpty();
    }
}
