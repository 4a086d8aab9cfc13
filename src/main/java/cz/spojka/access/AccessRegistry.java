package cz.spojka.access;

import cz.spojka.connector.Ico;
import cz.spojka.system.JsonFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The tenants, agencies, API keys and grants, in memory and in {@code <data-dir>/access/}. Every change is written
 * to disk before the in-memory view shows it, and the next request sees it: there is no cache to wait for and no
 * restart. Changes are serialised by the registry's lock; reads take no lock.
 */
public final class AccessRegistry implements CallerDirectory {

    private static final Pattern AGENCY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern ICO_FORMAT = Pattern.compile("[0-9]{8}");
    private static final Pattern RUIAN = Pattern.compile("[0-9]{6}");
    /** How a caller's credential names an API key: this and the key's id. */
    private static final String KEY_CREDENTIAL = "key:";

    /** A key as it is made: the stored key and its secret, which the hub shows this once and never again. */
    public record IssuedKey(ApiKey key, String secret) {}

    private final Clock clock;
    private final JsonFiles<Tenant> tenantFiles;
    private final JsonFiles<Agency> agencyFiles;
    private final JsonFiles<ApiKey> keyFiles;
    private final JsonFiles<Grant> grantFiles;
    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, Agency> agencies = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> keysByHash = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    /** Loads what {@code dir} holds. */
    public AccessRegistry(Path dir, Clock clock) {
        this.clock = clock;
        this.tenantFiles = new JsonFiles<>(dir.resolve("tenants"), Tenant.class);
        this.agencyFiles = new JsonFiles<>(dir.resolve("agencies"), Agency.class);
        this.keyFiles = new JsonFiles<>(dir.resolve("keys"), ApiKey.class);
        this.grantFiles = new JsonFiles<>(dir.resolve("grants"), Grant.class);
        tenantFiles.load().forEach(tenant -> tenants.put(tenant.ico(), tenant));
        agencyFiles.load().forEach(agency -> agencies.put(agency.id(), agency));
        keyFiles.load().forEach(this::remember);
        grantFiles.load().forEach(grant -> grants.put(grant.id(), grant));
    }

    /** The registry's time, which decides whether keys have expired. */
    Instant now() {
        return clock.instant();
    }

    public List<Tenant> tenants() {
        return tenants.values().stream()
                .sorted(Comparator.comparing(Tenant::ico))
                .toList();
    }

    public Optional<Tenant> tenant(String ico) {
        return Optional.ofNullable(tenants.get(ico));
    }

    public synchronized Tenant addTenant(String ico, String ruian, String name) {
        requireIco("ico", ico);
        if (ruian == null || !RUIAN.matcher(ruian).matches()) {
            throw new InvalidAccessChange("ruian", "must be the municipality's RÚIAN code of 6 digits, not " + ruian);
        }
        requireText("name", name);
        if (tenants.containsKey(ico)) {
            throw new AccessConflict("The tenant " + ico + " exists already");
        }
        return saveTenant(new Tenant(ico, ruian, name.strip(), true, clock.instant()));
    }

    public synchronized Tenant enableTenant(String ico, boolean enabled) {
        return saveTenant(existingTenant(ico).withEnabled(enabled));
    }

    public List<Agency> agencies() {
        return agencies.values().stream()
                .sorted(Comparator.comparing(Agency::id))
                .toList();
    }

    public Optional<Agency> agency(String id) {
        return Optional.ofNullable(agencies.get(id));
    }

    /** @param tenant the IČO of a tenant the agency belongs to, or null */
    public synchronized Agency addAgency(String id, String name, Role role, String tenant) {
        if (id == null || !AGENCY_ID.matcher(id).matches()) {
            throw new InvalidAccessChange(
                    "id", "must be 1 to 63 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        requireText("name", name);
        if (role == null || role == Role.PUBLIC) {
            throw new InvalidAccessChange("role", "must be one of reader, operator, admin");
        }
        if (tenant != null && !tenants.containsKey(tenant)) {
            throw new InvalidAccessChange("tenant", "no tenant has the IČO " + tenant);
        }
        if (agencies.containsKey(id)) {
            throw new AccessConflict("The agency " + id + " exists already");
        }
        return saveAgency(new Agency(id, name.strip(), role, tenant, true, clock.instant()));
    }

    public synchronized Agency enableAgency(String id, boolean enabled) {
        return saveAgency(existingAgency(id).withEnabled(enabled));
    }

    /** The agency's keys, newest first; their hashes, never their secrets. */
    public List<ApiKey> keys(String agency) {
        existingAgency(agency);
        return keys.values().stream()
                .filter(key -> key.agency().equals(agency))
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed())
                .toList();
    }

    /** A new random key of the agency, valid until {@code expiresAt} (null: until revoked). */
    public IssuedKey issueKey(String agency, Instant expiresAt) {
        String secret = KeySecrets.newSecret();
        return new IssuedKey(addKey(agency, secret, expiresAt), secret);
    }

    /** A key with a secret chosen by configuration (the demo seed); only its hash is stored. */
    public synchronized ApiKey addKey(String agency, String secret, Instant expiresAt) {
        existingAgency(agency);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidAccessChange("expiresAt", "must be in the future, not " + expiresAt);
        }
        String hash = KeySecrets.hash(secret);
        if (keysByHash.containsKey(hash)) {
            throw new AccessConflict("That key is in use already");
        }
        ApiKey key = new ApiKey(KeySecrets.newId(), agency, hash, now, expiresAt, null);
        keyFiles.save(key.id(), key);
        remember(key);
        return key;
    }

    public synchronized ApiKey revokeKey(String agency, String keyId) {
        ApiKey key = keys.get(keyId);
        if (key == null || !key.agency().equals(agency)) {
            throw new NoSuchElementException("The agency " + agency + " has no API key " + keyId);
        }
        if (key.revokedAt() != null) {
            return key;
        }
        ApiKey revoked = key.revoked(clock.instant());
        keyFiles.save(revoked.id(), revoked);
        remember(revoked);
        return revoked;
    }

    /** The grants of {@code agency} on {@code dataset}, each null for any, oldest first. */
    public List<Grant> grants(String agency, String dataset) {
        return grants.values().stream()
                .filter(grant -> agency == null || grant.agency().equals(agency))
                .filter(grant -> dataset == null || grant.dataset().equals(dataset))
                .sorted(Comparator.comparing(Grant::createdAt).thenComparing(Grant::id))
                .toList();
    }

    public Optional<Grant> grant(String id) {
        return Optional.ofNullable(grants.get(id));
    }

    /**
     * Lets {@code agency} read {@code dataset} of the municipality {@code municipality} (null: of all) until
     * {@code expiresAt} (null: until revoked). Whether the dataset exists and is restricted is the caller's to check:
     * the connectors that declare datasets load after the registry.
     */
    public synchronized Grant addGrant(String agency, String dataset, String municipality, Instant expiresAt) {
        if (agency == null || !agencies.containsKey(agency)) {
            throw new InvalidAccessChange("agency", "no agency has the id " + agency);
        }
        requireText("dataset", dataset);
        if (municipality != null) {
            requireIco("municipality", municipality);
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidAccessChange("expiresAt", "must be in the future, not " + expiresAt);
        }
        for (Grant existing : grants.values()) {
            if (existing.agency().equals(agency)
                    && existing.dataset().equals(dataset)
                    && Objects.equals(existing.municipality(), municipality)
                    && Objects.equals(existing.expiresAt(), expiresAt)) {
                throw new AccessConflict("The agency " + agency + " has that grant already: " + existing.id());
            }
        }
        Grant grant = new Grant(KeySecrets.newId(), agency, dataset, municipality, expiresAt, now);
        grantFiles.save(grant.id(), grant);
        grants.put(grant.id(), grant);
        return grant;
    }

    public synchronized Grant revokeGrant(String id) {
        Grant grant = grants.get(id);
        if (grant == null) {
            throw new NoSuchElementException("No grant has the id " + id);
        }
        grantFiles.delete(id);
        grants.remove(id);
        return grant;
    }

    /**
     * The caller an agency API key authenticates.
     *
     * @throws CredentialRefused (401) when the key is unknown, revoked or expired, or its agency is disabled
     */
    public Caller authenticate(String secret) {
        ApiKey key = keysByHash.get(KeySecrets.hash(secret));
        if (key == null) {
            throw CredentialRefused.unauthorized("unknown API key");
        }
        String credential = KEY_CREDENTIAL + key.id();
        String refusal = key.refusal(clock.instant());
        if (refusal != null) {
            throw CredentialRefused.unauthorized(refusal).of(key.agency(), credential);
        }
        Agency agency = agencies.get(key.agency());
        String inactive = inactivity(agency);
        if (inactive != null) {
            throw CredentialRefused.unauthorized(inactive).of(key.agency(), credential);
        }
        return caller(agency, credential, key.expiresAt());
    }

    /** The agency's caller with its current grants; empty when it is unknown or disabled. No credential is named. */
    @Override
    public Optional<Caller> caller(String agencyId) {
        Agency agency = agencies.get(agencyId);
        return agency == null || inactivity(agency) != null
                ? Optional.empty()
                : Optional.of(caller(agency, null, null));
    }

    @Override
    public Optional<Caller> current(Caller caller) {
        Instant now = clock.instant();
        if (caller.credentialExpired(now)) {
            return Optional.empty();
        }
        if (caller.agency() == null) {
            return Optional.of(caller);
        }
        String credential = caller.credential();
        if (credential != null && credential.startsWith(KEY_CREDENTIAL)) {
            ApiKey key = keys.get(credential.substring(KEY_CREDENTIAL.length()));
            if (key == null || key.refusal(now) != null) {
                return Optional.empty();
            }
        }
        Agency agency = agencies.get(caller.agency());
        return agency == null || inactivity(agency) != null
                ? Optional.empty()
                : Optional.of(caller(agency, credential, caller.credentialExpiresAt()));
    }

    /**
     * The caller of an agency a bearer token names, with {@code credential}.
     *
     * @throws CredentialRefused (403) when no agency has that id or it is disabled
     */
    Caller callerOfToken(String agencyId, String credential, Instant expiresAt) {
        Agency agency = agencies.get(agencyId);
        if (agency == null) {
            throw CredentialRefused.forbidden(
                            "the token names the agency '" + agencyId + "', which the hub does not know")
                    .of(null, credential);
        }
        String inactive = inactivity(agency);
        if (inactive != null) {
            throw CredentialRefused.forbidden(inactive).of(agencyId, credential);
        }
        return caller(agency, credential, expiresAt);
    }

    private Caller caller(Agency agency, String credential, Instant credentialExpiresAt) {
        return new Caller(agency.id(), agency.role(), grants(agency.id(), null), credential, credentialExpiresAt);
    }

    /** Why the agency may not act now, or null when it may. */
    private String inactivity(Agency agency) {
        if (!agency.enabled()) {
            return "the agency " + agency.id() + " is disabled";
        }
        Tenant tenant = agency.tenant() == null ? null : tenants.get(agency.tenant());
        if (tenant != null && !tenant.enabled()) {
            return "the agency " + agency.id() + " belongs to the municipality " + tenant.ico() + ", which is disabled";
        }
        return null;
    }

    private void remember(ApiKey key) {
        keys.put(key.id(), key);
        keysByHash.put(key.hash(), key);
    }

    private Tenant saveTenant(Tenant tenant) {
        tenantFiles.save(tenant.ico(), tenant);
        tenants.put(tenant.ico(), tenant);
        return tenant;
    }

    private Agency saveAgency(Agency agency) {
        agencyFiles.save(agency.id(), agency);
        agencies.put(agency.id(), agency);
        return agency;
    }

    private Tenant existingTenant(String ico) {
        return tenant(ico).orElseThrow(() -> new NoSuchElementException("No tenant has the IČO " + ico));
    }

    private Agency existingAgency(String id) {
        return agency(id).orElseThrow(() -> new NoSuchElementException("No agency has the id " + id));
    }

    private static void requireIco(String field, String ico) {
        if (ico == null || !ICO_FORMAT.matcher(ico).matches() || !Ico.valid(ico)) {
            throw new InvalidAccessChange(field, "must be an IČO of 8 digits with a valid check digit, not " + ico);
        }
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidAccessChange(field, "is required");
        }
    }
}
