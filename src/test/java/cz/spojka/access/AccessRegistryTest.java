package cz.spojka.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cz.spojka.system.SettableClock;
import cz.spojka.webhook.ApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

class AccessRegistryTest {

    private static final String CHRUDIM = "00270211";
    private static final Instant START = Instant.parse("2026-01-10T08:00:00Z");

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(START);

    @Test
    void everythingSurvivesARestartOfTheRegistry() {
        AccessRegistry registry = new AccessRegistry(dir, clock);
        registry.addTenant(CHRUDIM, "571164", "Chrudim");
        registry.addAgency("technicke-sluzby", "Technické služby", Role.READER, CHRUDIM);
        AccessRegistry.IssuedKey issued = registry.issueKey("technicke-sluzby", START.plus(Duration.ofDays(30)));
        Grant grant = registry.addGrant("technicke-sluzby", "zaplnenost-nadob", null, null);
        registry.enableTenant(CHRUDIM, false);
        registry.enableTenant(CHRUDIM, true);

        AccessRegistry reloaded = new AccessRegistry(dir, clock);

        assertThat(reloaded.tenants()).isEqualTo(registry.tenants());
        assertThat(reloaded.agencies()).isEqualTo(registry.agencies());
        assertThat(reloaded.keys("technicke-sluzby")).containsExactly(issued.key());
        assertThat(reloaded.grants(null, null)).containsExactly(grant);
        assertThat(reloaded.authenticate(issued.secret()))
                .isEqualTo(new Caller(
                        "technicke-sluzby",
                        Role.READER,
                        List.of(grant),
                        "key:" + issued.key().id(),
                        START.plus(Duration.ofDays(30))));
    }

    /** What ends an open event stream: the credential it was opened with stops holding, or the agency is disabled. */
    @Test
    void aCallerIsCurrentWhileItsCredentialHoldsAndItsAgencyIsEnabled() {
        AccessRegistry registry = new AccessRegistry(dir, clock);
        registry.addAgency("hasici", "Hasiči", Role.READER, null);
        Caller byKept = registry.authenticate(registry.issueKey("hasici", null).secret());
        AccessRegistry.IssuedKey toRevoke = registry.issueKey("hasici", null);
        Caller byRevoked = registry.authenticate(toRevoke.secret());
        Caller byExpiring = registry.authenticate(
                registry.issueKey("hasici", START.plus(Duration.ofHours(1))).secret());
        Caller byToken = registry.callerOfToken("hasici", "token:jana", START.plus(Duration.ofMinutes(5)));
        Grant grantedSince = registry.addGrant("hasici", "zaplnenost-nadob", null, null);
        registry.revokeKey("hasici", toRevoke.key().id());

        assertThat(registry.current(byKept))
                .contains(new Caller("hasici", Role.READER, List.of(grantedSince), byKept.credential()));
        assertThat(registry.current(byRevoked)).isEmpty();
        assertThat(registry.current(byExpiring)).isPresent();
        assertThat(registry.current(byToken)).isPresent();

        clock.set(START.plus(Duration.ofMinutes(5)));
        assertThat(registry.current(byToken)).isEmpty();
        clock.set(START.plus(Duration.ofHours(1)));
        assertThat(registry.current(byExpiring)).isEmpty();
        assertThat(registry.current(byKept)).isPresent();

        registry.enableAgency("hasici", false);
        assertThat(registry.current(byKept)).isEmpty();
        Caller admin = new Caller(null, Role.ADMIN, List.of(), "admin-key");
        assertThat(registry.current(admin)).contains(admin);
    }

    @Test
    void aKeyIsStoredOnlyAsItsHash() throws IOException {
        AccessRegistry registry = new AccessRegistry(dir, clock);
        registry.addAgency("hasici", "Hasiči", Role.READER, null);
        AccessRegistry.IssuedKey issued = registry.issueKey("hasici", null);
        ApiKey seeded = registry.addKey("hasici", "demo-agency-key", null);

        assertThat(issued.secret()).startsWith("spk_").hasSize(4 + 43);
        assertThat(issued.key().hash()).isEqualTo("%064x", new BigInteger(1, ApiKeys.sha256(issued.secret())));
        String onDisk = everythingOnDisk();
        assertThat(onDisk).contains(issued.key().hash(), seeded.hash());
        assertThat(onDisk).doesNotContain(issued.secret(), issued.secret().substring(4), "demo-agency-key");
    }

    @Test
    void anUnknownRevokedOrExpiredKeyIsRefusedWithItsReason() {
        AccessRegistry registry = new AccessRegistry(dir, clock);
        registry.addAgency("hasici", "Hasiči", Role.OPERATOR, null);
        AccessRegistry.IssuedKey toRevoke = registry.issueKey("hasici", null);
        String revoked = toRevoke.secret();
        AccessRegistry.IssuedKey expiring = registry.issueKey("hasici", START.plus(Duration.ofHours(1)));
        registry.revokeKey("hasici", toRevoke.key().id());

        assertThat(refusal(registry, "spk_nothing")).isEqualTo("unknown API key");
        assertThat(refusal(registry, revoked)).isEqualTo("the API key has been revoked");
        assertThat(registry.authenticate(expiring.secret()).role()).isEqualTo(Role.OPERATOR);

        clock.set(START.plus(Duration.ofHours(1)));
        assertThat(refusal(registry, expiring.secret())).isEqualTo("the API key has expired");
        assertThat(refusal(new AccessRegistry(dir, clock), revoked)).isEqualTo("the API key has been revoked");
    }

    @Test
    void aDisabledAgencyOrTenantAuthenticatesNobodyAndHasNoCaller() {
        AccessRegistry registry = new AccessRegistry(dir, clock);
        registry.addTenant(CHRUDIM, "571164", "Chrudim");
        registry.addAgency("odbor", "Odbor dopravy", Role.READER, CHRUDIM);
        String key = registry.issueKey("odbor", null).secret();
        assertThat(registry.caller("odbor")).contains(new Caller("odbor", Role.READER, List.of(), null));

        registry.enableAgency("odbor", false);
        assertThat(refusal(registry, key)).isEqualTo("the agency odbor is disabled");
        assertThat(registry.caller("odbor")).isEmpty();

        registry.enableAgency("odbor", true);
        registry.enableTenant(CHRUDIM, false);
        assertThat(refusal(registry, key))
                .isEqualTo("the agency odbor belongs to the municipality 00270211, which is disabled");
        assertThat(registry.caller("odbor")).isEmpty();
        assertThat(registry.caller("nobody")).isEmpty();
    }

    @Test
    void aTokenOfNoKnownAgencyIsForbidden() {
        AccessRegistry registry = new AccessRegistry(dir, clock);
        assertThatThrownBy(() -> registry.callerOfToken("cizi", "token:x", null))
                .isInstanceOfSatisfying(
                        CredentialRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN))
                .hasMessage("the token names the agency 'cizi', which the hub does not know");
    }

    @Test
    void theCallerSeesGrantsAddedAndRevokedSinceWithoutAReload() {
        AccessRegistry registry = new AccessRegistry(dir, clock);
        registry.addAgency("hasici", "Hasiči", Role.READER, null);
        Grant grant = registry.addGrant("hasici", "zaplnenost-nadob", CHRUDIM, START.plus(Duration.ofDays(1)));
        assertThat(registry.caller("hasici").orElseThrow().grants()).containsExactly(grant);
        assertThat(registry.grants("hasici", "jiny")).isEmpty();

        registry.revokeGrant(grant.id());
        assertThat(registry.caller("hasici").orElseThrow().grants()).isEmpty();
        assertThat(new AccessRegistry(dir, clock).grants(null, null)).isEmpty();
    }

    @Test
    void anExactDuplicateGrantIsAConflictAndAnotherExpiryIsNot() {
        AccessRegistry registry = new AccessRegistry(dir, clock);
        registry.addAgency("hasici", "Hasiči", Role.READER, null);
        Grant grant = registry.addGrant("hasici", "zaplnenost-nadob", CHRUDIM, null);

        assertThatThrownBy(() -> registry.addGrant("hasici", "zaplnenost-nadob", CHRUDIM, null))
                .isInstanceOf(AccessConflict.class)
                .hasMessage("The agency hasici has that grant already: " + grant.id());
        Grant expiring = registry.addGrant("hasici", "zaplnenost-nadob", CHRUDIM, START.plus(Duration.ofDays(1)));
        Grant everywhere = registry.addGrant("hasici", "zaplnenost-nadob", null, null);

        assertThat(registry.grants("hasici", null)).containsExactlyInAnyOrder(grant, expiring, everywhere);
    }

    @Test
    void invalidChangesNameTheirField() {
        AccessRegistry registry = new AccessRegistry(dir, clock);
        registry.addAgency("hasici", "Hasiči", Role.READER, null);
        assertThatThrownBy(() -> registry.addTenant("00270212", "571164", "Chrudim"))
                .isInstanceOf(InvalidAccessChange.class)
                .hasMessage("ico: must be an IČO of 8 digits with a valid check digit, not 00270212");
        assertThatThrownBy(() -> registry.addTenant(CHRUDIM, "57116", "Chrudim"))
                .hasMessage("ruian: must be the municipality's RÚIAN code of 6 digits, not 57116");
        assertThatThrownBy(() -> registry.addAgency("Hasiči", "x", Role.READER, null))
                .hasMessage("id: must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or"
                        + " digit");
        assertThatThrownBy(() -> registry.addAgency("verejnost", "x", Role.PUBLIC, null))
                .hasMessage("role: must be one of reader, operator, admin");
        assertThatThrownBy(() -> registry.addAgency("odbor", "x", Role.READER, CHRUDIM))
                .hasMessage("tenant: no tenant has the IČO 00270211");
        assertThatThrownBy(() -> registry.addAgency("hasici", "x", Role.READER, null))
                .isInstanceOf(AccessConflict.class)
                .hasMessage("The agency hasici exists already");
        assertThatThrownBy(() -> registry.addGrant("nikdo", "zaplnenost-nadob", null, null))
                .hasMessage("agency: no agency has the id nikdo");
        assertThatThrownBy(() -> registry.addGrant("hasici", "zaplnenost-nadob", "123", null))
                .hasMessage("municipality: must be an IČO of 8 digits with a valid check digit, not 123");
        assertThatThrownBy(() -> registry.issueKey("hasici", START))
                .hasMessage("expiresAt: must be in the future, not 2026-01-10T08:00:00Z");
        assertThatThrownBy(() -> registry.revokeKey("hasici", "abc"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("The agency hasici has no API key abc");
        assertThat(everythingOnDisk()).doesNotContain("nikdo", "00270212");
    }

    private static String refusal(AccessRegistry registry, String secret) {
        try {
            registry.authenticate(secret);
            throw new AssertionError("the key authenticated " + secret);
        } catch (CredentialRefused refused) {
            assertThat(refused.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
            return refused.getMessage();
        }
    }

    private String everythingOnDisk() {
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(file).append('\n').append(Files.readString(file)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
