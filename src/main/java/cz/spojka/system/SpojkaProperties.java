package cz.spojka.system;

import cz.spojka.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code spojka.*} setting of the hub, declared once. Bound and validated at start-up: a bad value stops the
 * hub with a message naming the property. {@code docs/configuration.md} is generated from these declarations.
 *
 * @param dataDir directory for the TDB2 store, its full-text index and the in-process Kafka broker's log
 * @param baseIri base IRI of every IRI the hub mints (entities, graphs, connectors); set it to the public address
 * @param connectorsDir directory with one folder per connector ({@code <id>/connector.yaml})
 * @param routesDir directory with the Camel YAML route templates the connectors instantiate
 * @param vocabDir directory with the shared vocabulary: ontology, SHACL shapes, bundled JSON-LD contexts
 * @param demo the demo mode: the hub serves the connectors' bundled samples over HTTP itself
 * @param ingest how connector runs carry what they fetched to the change log
 * @param kafka the change log: external Kafka cluster or the in-process broker
 * @param store the store the change log is materialized into
 * @param endpoint the SPARQL endpoint at {@code /sparql}
 * @param events the Server-Sent Events stream of the change log at {@code /events}
 * @param dashboard the live dashboard at {@code /dashboard}
 * @param admin the administration API's own key, besides the agencies' credentials (docs/security.md)
 * @param security how agencies authenticate besides their API keys (docs/security.md)
 * @param access the registry of tenants, agencies, keys and grants (docs/security.md)
 * @param subscriptions delivering change events to webhook subscribers
 * @param privacy the personal-data guard
 * @param catalog the hub's open-data catalogue at {@code /catalog} (DCAT-AP-CZ), which NKOD harvests
 * @param linkedData the pages of the IRIs the hub mints and of {@code /resource?iri=} (docs/linked-data.md)
 * @param audit the audit log of data reads, admin actions and refusals (docs/security.md)
 * @param limits what each role may ask of the SPARQL endpoint, the anonymous callers' rate limit and the limit of
 *     refused credentials
 */
@Validated
@ConfigurationProperties("spojka")
public record SpojkaProperties(
        @NotNull @DefaultValue("data") Path dataDir,

        @NotNull
        @Pattern(regexp = "https?://.+/", message = "must be an http(s) IRI ending with '/'")
        @DefaultValue("http://localhost:8080/")
        String baseIri,

        @NotNull @DefaultValue("connectors") Path connectorsDir,
        @NotNull @DefaultValue("routes") Path routesDir,
        @NotNull @DefaultValue("vocab") Path vocabDir,
        @Valid @NotNull @DefaultValue Demo demo,
        @Valid @NotNull @DefaultValue Ingest ingest,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Valid @NotNull @DefaultValue Store store,
        @Valid @NotNull @DefaultValue Endpoint endpoint,
        @Valid @NotNull @DefaultValue Events events,
        @Valid @NotNull @DefaultValue Dashboard dashboard,
        @Valid @NotNull @DefaultValue Admin admin,
        @Valid @NotNull @DefaultValue Security security,
        @Valid @NotNull @DefaultValue Access access,
        @Valid @NotNull @DefaultValue Subscriptions subscriptions,
        @Valid @NotNull @DefaultValue Privacy privacy,
        @Valid @NotNull @DefaultValue Catalog catalog,
        @Valid @NotNull @DefaultValue LinkedData linkedData,
        @Valid @NotNull @DefaultValue Audit audit,
        @Valid @NotNull @DefaultValue Limits limits) {

    public SpojkaProperties {
        if (endpoint != null && limits != null) {
            limits = limits.withPublic(endpoint.queryTimeout(), endpoint.resultRowLimit());
        }
    }

    /**
     * @param fileSize a log file that has reached this size is closed and the next entry starts a new file; the
     *     chain of hashes goes on across files; at least 1MB
     * @param forceToDisk force every entry to disk (fsync) as it is written; false leaves the writing to the
     *     operating system, so that an entry survives a crash of the hub but not a power failure
     * @param repeatedRefusalWindow anonymous refusals (401, 403, 429 without a checked credential) of one client
     *     address and status within this long are one entry in full and one entry {@code refusals.repeated} counting
     *     the rest, so that a flood cannot make the hub write an entry per request; 0 records every refusal in full
     * @param repeatedRefusalClients client addresses whose refusals are counted at once; beyond, the oldest count is
     *     recorded early
     */
    public record Audit(
            @NotNull @DefaultValue("64MB") DataSize fileSize,
            @DefaultValue("true") boolean forceToDisk,
            @NotNull @DefaultValue("1m") Duration repeatedRefusalWindow,
            @Min(1) @DefaultValue("10000") int repeatedRefusalClients) {

        /** A smaller file size would start a file every few entries (0: one per entry). */
        @AssertTrue(message = "spojka.audit.file-size must be at least 1MB")
        public boolean isFileSizeAtLeastOneMegabyte() {
            return fileSize == null
                    || fileSize.toBytes() >= DataSize.ofMegabytes(1).toBytes();
        }
    }

    /**
     * Budgets per role ({@code docs/security.md}, "Limits"). A role's concurrent queries are shared by all its
     * callers; a query beyond them is answered 429 with {@code Retry-After} at once.
     *
     * @param publicRole anonymous callers
     * @param reader agencies
     * @param operator the hub's operators
     * @param admin administrators
     * @param authFailures refused credentials per client address, beyond which its credentials are not checked
     */
    public record Limits(
            @Name("public") @Valid @NotNull @DefaultValue PublicLimits publicRole,
            @Valid @NotNull @DefaultValue ReaderLimits reader,
            @Valid @NotNull @DefaultValue OperatorLimits operator,
            @Valid @NotNull @DefaultValue AdminLimits admin,
            @Valid @NotNull @DefaultValue AuthFailures authFailures) {

        /** These limits with the anonymous callers' timeout and result rows of the deprecated endpoint keys. */
        Limits withPublic(Duration timeout, Integer resultRows) {
            if (timeout == null && resultRows == null) {
                return this;
            }
            PublicLimits given = publicRole;
            return new Limits(
                    new PublicLimits(
                            given.concurrentQueries(),
                            timeout == null ? given.timeout() : timeout,
                            resultRows == null ? given.resultRows() : resultRows,
                            given.rate()),
                    reader,
                    operator,
                    admin,
                    authFailures);
        }

        public QueryBudget of(Role role) {
            return switch (role) {
                case PUBLIC -> publicRole;
                case READER -> reader;
                case OPERATOR -> operator;
                case ADMIN -> admin;
            };
        }
    }

    /** What one role may ask of the SPARQL endpoint. */
    public interface QueryBudget {

        /** Queries of the role running at once; the next is answered 429. */
        int concurrentQueries();

        /** A query running longer is cancelled and answered 503. */
        Duration timeout();

        /** The most rows a SELECT may return, or triples a CONSTRUCT or DESCRIBE. */
        int resultRows();
    }

    /**
     * @param concurrentQueries anonymous queries running at once, from all clients together; the next is answered 429
     * @param timeout an anonymous query running longer is cancelled and answered 503; a request's {@code timeout}
     *     parameter (seconds) can only shorten it. Also the timeout of the store's other readers
     * @param resultRows the most rows an anonymous SELECT may return, or triples a CONSTRUCT or DESCRIBE; a query
     *     that would return more is answered 400 and asked to page with LIMIT and OFFSET
     * @param rate how often one client address may call the data channels anonymously
     */
    public record PublicLimits(
            @Min(1) @DefaultValue("4") int concurrentQueries,

            @NotNull @DurationMin(seconds = 1) @DefaultValue("30s")
            Duration timeout,

            @Min(1) @DefaultValue("100000") int resultRows,
            @Valid @NotNull @DefaultValue Rate rate)
            implements QueryBudget {}

    /**
     * @param concurrentQueries queries of agencies running at once, all agencies together
     * @param timeout an agency's query running longer is cancelled and answered 503
     * @param resultRows the most rows an agency's SELECT may return, or triples a CONSTRUCT or DESCRIBE
     */
    public record ReaderLimits(
            @Min(1) @DefaultValue("8") int concurrentQueries,

            @NotNull @DurationMin(seconds = 1) @DefaultValue("2m")
            Duration timeout,

            @Min(1) @DefaultValue("250000") int resultRows)
            implements QueryBudget {}

    /**
     * @param concurrentQueries queries of operators running at once
     * @param timeout an operator's query running longer is cancelled and answered 503
     * @param resultRows the most rows an operator's SELECT may return, or triples a CONSTRUCT or DESCRIBE
     */
    public record OperatorLimits(
            @Min(1) @DefaultValue("8") int concurrentQueries,

            @NotNull @DurationMin(seconds = 1) @DefaultValue("10m")
            Duration timeout,

            @Min(1) @DefaultValue("1000000") int resultRows)
            implements QueryBudget {}

    /**
     * @param concurrentQueries queries of administrators running at once
     * @param timeout an administrator's query running longer is cancelled and answered 503
     * @param resultRows the most rows an administrator's SELECT may return, or triples a CONSTRUCT or DESCRIBE
     */
    public record AdminLimits(
            @Min(1) @DefaultValue("8") int concurrentQueries,

            @NotNull @DurationMin(seconds = 1) @DefaultValue("10m")
            Duration timeout,

            @Min(1) @DefaultValue("1000000") int resultRows)
            implements QueryBudget {}

    /**
     * Anonymous requests to the data channels ({@code /sparql}, {@code /data}, the Linked Data pages, {@code /catalog},
     * {@code /events}), counted per
     * client address (behind a reverse proxy, set {@code server.forward-headers-strategy}: docs/security.md). A
     * request over the rate is answered 429 with {@code Retry-After}.
     *
     * @param requestsPerMinute the average rate one client address may keep up; 0 switches the rate limit off
     * @param burst requests a client may make at once; they are granted again at the average rate, {@code burst} at
     *     a time
     * @param clients client addresses remembered at once; beyond, the least recently seen are forgotten (and start
     *     afresh)
     */
    public record Rate(
            @Min(0) @DefaultValue("300") int requestsPerMinute,
            @Min(1) @DefaultValue("60") int burst,
            @Min(100) @DefaultValue("100000") int clients) {

        public boolean enabled() {
            return requestsPerMinute > 0;
        }
    }

    /**
     * Refused credentials (an unknown, revoked or expired API key, a bad bearer token: each answered 401) counted per
     * client address, an IPv6 address by its /64 prefix like the anonymous rate. Once an address has had
     * {@code perMinute} of them within a minute, every request from it that carries a credential is answered 429 with
     * {@code Retry-After} until that minute ends, before its credential is checked, so that a short admin key cannot
     * be guessed at full speed; a right key sent then is refused too. Requests without a credential are not affected.
     *
     * @param perMinute refused credentials an address may have in a minute; 0 switches the limit off
     * @param clients client addresses remembered at once; beyond, the least recently refused are forgotten
     */
    public record AuthFailures(
            @Min(0) @DefaultValue("10") int perMinute,
            @Min(100) @DefaultValue("100000") int clients) {

        public boolean enabled() {
            return perMinute > 0;
        }

        /** As a rate of {@code perMinute} a minute, all of them at once, then none until the minute ends. */
        public Rate rate() {
            return new Rate(perMinute, perMinute, clients);
        }
    }

    /**
     * @param pageSize the entities one page lists: those linking to a resource (a municipality, an entity) and those
     *     of a dataset's graph; the further ones are on the next pages ({@code ?page=N})
     */
    public record LinkedData(
            @Min(1) @Max(1000) @DefaultValue("50") int pageSize) {}

    /**
     * @param titleCs the catalogue's title in Czech
     * @param titleEn the catalogue's title in English
     * @param descriptionCs what the catalogue holds, in Czech
     * @param descriptionEn what the catalogue holds, in English
     * @param publisherIco IČO of the municipality or organisation that operates the hub and publishes the catalogue;
     *     the catalogue names it by its IRI in the register of rights and obligations (RPP), which ends with the IČO.
     *     Required; the bundled application.yaml sets the demo's (Město Chrudim), to be replaced
     * @param publisherName the publisher's name, also the name of the catalogue's contact point; required, as the IČO
     * @param homepage the publisher's web page about its open data (https); empty for none
     * @param contactEmail where users write about the catalogue; empty for no contact point
     * @param sparqlEndpoint the public address of the SPARQL endpoint the catalogue offers every dataset through;
     *     empty for {@code <base-iri>sparql}, or with an external store ({@code spojka.store.type=sparql}) its query
     *     endpoint
     */
    public record Catalog(
            @NotBlank @DefaultValue("Otevřená data z integračního uzlu Spojka")
            String titleCs,

            @NotBlank @DefaultValue("Open data from the Spojka integration hub")
            String titleEn,

            @NotBlank
            @DefaultValue("Datové sady, které integrační uzel Spojka přebírá z agendových systémů obcí a úřadů"
                    + " a zveřejňuje ke stažení i přes SPARQL endpoint.")
            String descriptionCs,

            @NotBlank
            @DefaultValue("Datasets the Spojka integration hub takes over from the agenda systems of municipalities and"
                    + " authorities and publishes for download and through a SPARQL endpoint.")
            String descriptionEn,

            @NotNull @Pattern(regexp = "[0-9]{8}", message = "must be an IČO of 8 digits")
            String publisherIco,

            @NotBlank String publisherName,

            @NotNull
            @Pattern(regexp = "(https://\\S+)?", message = "must be an https address, or empty")
            @DefaultValue("")
            String homepage,

            @NotNull
            @Pattern(regexp = "([^@\\s:]+@[^@\\s]+\\.[^@\\s]+)?", message = "must be an e-mail address, or empty")
            @DefaultValue("")
            String contactEmail,

            @NotNull @DefaultValue("") String sparqlEndpoint) {}

    /**
     * @param pseudonymKey the secret key of the keyed hash (HMAC-SHA-256) that replaces personal data in datasets with
     *     the policy {@code pseudonymise}; required by them, at least 32 characters; give it as an environment variable
     *     ({@code SPOJKA_PRIVACY_PSEUDONYMKEY}), never in a file of the repository. Changing it changes every pseudonym
     */
    public record Privacy(
            @NotNull @Pattern(regexp = "|.{32,}", message = "must be at least 32 characters") @DefaultValue("")
            String pseudonymKey) {}

    /**
     * @param apiKey a key sent in the header {@code X-Api-Key} that has the role admin (tenants, agencies, keys,
     *     grants, audit log, and everything an operator does), for the first set-up and for emergencies; empty (the
     *     default) accepts none, and only agencies with the role admin administer the hub. The demo configuration
     *     ({@code application.yaml}) sets {@code demo-admin}; set a long random secret of your own in production
     *     ({@code SPOJKA_ADMIN_API_KEY}) or none
     */
    public record Admin(@DefaultValue("") String apiKey) {

        @AssertTrue(
                message = "spojka.admin.api-key begins or ends with whitespace, which a client would not send: set the"
                        + " key without it")
        boolean isApiKeyWithoutSurroundingWhitespace() {
            return apiKey.equals(apiKey.strip());
        }
    }

    /**
     * @param seedFile a YAML file of tenants and agencies (with their keys and grants) created at start-up when they do
     *     not exist yet, as {@code access/demo.yaml} declares the demo's agency; empty for none. What exists is left
     *     as the admin API has made it. A created agency's grants are checked like the admin API's once the connectors
     *     are loaded; one that fails is skipped with a warning
     */
    public record Access(@NotNull @DefaultValue("") String seedFile) {}

    /** @param oidc bearer tokens of an OpenID Connect identity provider (OAuth2 resource server) */
    public record Security(@Valid @NotNull @DefaultValue Oidc oidc) {}

    /**
     * @param issuerUri the identity provider's issuer, e.g. {@code https://login.example.cz/realms/obec}: the hub
     *     reads its {@code /.well-known/openid-configuration} and keys at the first token, and accepts a token only if
     *     that issuer signed it, names itself in {@code iss} and it has not expired; empty (the default) accepts no
     *     bearer tokens
     * @param agencyClaim the token's claim whose value is the id of the agency it authenticates; {@code azp} (the
     *     authorised party, the client a service account's token was issued to) fits machine-to-machine access, where
     *     each agency's system is a client of the identity provider
     * @param audience the value the token's {@code aud} claim must hold, the hub's own name at the identity provider
     *     (e.g. {@code spojka}); required with an issuer, so that a token the provider issued for another application
     *     is refused
     */
    public record Oidc(
            @NotNull @DefaultValue("") String issuerUri,
            @NotBlank @DefaultValue("azp") String agencyClaim,
            @NotNull @DefaultValue("") String audience) {

        public boolean enabled() {
            return !issuerUri.isBlank();
        }

        @AssertTrue(
                message = "spojka.security.oidc.audience is required when spojka.security.oidc.issuer-uri is set:"
                        + " name the hub's client (the aud claim of the tokens meant for it), e.g. spojka")
        boolean isAudienceGivenWithTheIssuer() {
            return !enabled() || !audience.isBlank();
        }
    }

    /**
     * @param maxAttempts deliveries of one event tried before the subscription is suspended
     * @param initialBackoff the wait after the first failed delivery of an event; it doubles after each further
     *     failure
     * @param maxBackoff the longest wait between two deliveries of an event
     * @param timeout how long a delivery waits for the subscriber's answer
     * @param deliveryLogSize delivery attempts kept in memory per subscription for its delivery log
     */
    public record Subscriptions(
            @Min(1) @DefaultValue("10") int maxAttempts,
            @NotNull @DefaultValue("1s") Duration initialBackoff,
            @NotNull @DefaultValue("5m") Duration maxBackoff,
            @NotNull @DefaultValue("10s") Duration timeout,
            @Min(1) @DefaultValue("500") int deliveryLogSize) {}

    /**
     * @param queryTimeout deprecated: use {@code spojka.limits.public.timeout}; when set, it still applies to anonymous
     *     callers and the hub warns at start-up
     * @param resultRowLimit deprecated: use {@code spojka.limits.public.result-rows}; when set, it still applies to
     *     anonymous callers and the hub warns at start-up
     * @param corsAllowedOrigins the origins of the browser apps that may query {@code /sparql} (CORS); {@code *} is
     *     every origin, an empty list none
     */
    public record Endpoint(
            @DurationMin(seconds = 1) Duration queryTimeout,
            @Min(1) Integer resultRowLimit,
            @NotNull @DefaultValue("*") List<String> corsAllowedOrigins) {

        /** The deprecated keys that are set, each with its replacement. */
        public List<String> deprecatedKeysInUse() {
            List<String> inUse = new ArrayList<>();
            if (queryTimeout != null) {
                inUse.add("spojka.endpoint.query-timeout is deprecated: use spojka.limits.public.timeout");
            }
            if (resultRowLimit != null) {
                inUse.add("spojka.endpoint.result-row-limit is deprecated: use spojka.limits.public.result-rows");
            }
            return inUse;
        }
    }

    /**
     * @param maxClients event streams served at once; the next client is answered 503 with the reason
     * @param heartbeat a stream with nothing to send for this long gets a comment line, so that proxies and clients
     *     see it is alive and a vanished client is noticed
     * @param clientQueue events waiting for one client; a client that falls this far behind the change log is
     *     disconnected with the reason (it resumes with Last-Event-ID) rather than slowing the others
     * @param callerRefresh how long an agency's stream goes on with the agency's role and grants as they were: after
     *     this long the next event or heartbeat looks them up again, with the stream's credential, so that a revoked
     *     grant stops the dataset's events and a revoked or expired key or a disabled agency ends the stream
     */
    public record Events(
            @Min(1) @DefaultValue("100") int maxClients,

            @NotNull @DurationMin(millis = 100) @DefaultValue("15s")
            Duration heartbeat,

            @Min(1) @DefaultValue("1000") int clientQueue,

            @NotNull @DurationMin(millis = 100) @DefaultValue("5s")
            Duration callerRefresh) {}

    /**
     * @param tileUrl a map tile server for the dashboard's map, a URL with the placeholders {z}, {x} and {y} (e.g.
     *     https://tile.example.org/{z}/{x}/{y}.png); empty shows the points over a bundled outline of the Czech
     *     Republic, which needs no network
     * @param tileAttribution the attribution the tile server's licence asks for, shown on the map
     * @param history how far back in the change log the dashboard starts its lists and sensor values; located
     *     entities (stations, parking lots, containers, citizen reports) are always read from the beginning
     */
    public record Dashboard(
            @DefaultValue("") String tileUrl,
            @DefaultValue("") String tileAttribution,
            @NotNull @DefaultValue("7d") Duration history) {}

    /**
     * @param chunkRecords source records mapped together; a chunk's new entities are gated and published before the
     *     next chunk is mapped, so the store fills while a large body is still being mapped
     * @param pollThreads polls of different connectors that may run at once; a slow or hanging source holds one
     *     thread until its timeout, so keep a few more than the cores
     */
    public record Ingest(
            @Min(1) @DefaultValue("32") int chunkRecords,
            @Min(1) @DefaultValue("4") int pollThreads) {}

    /**
     * @param enabled serve every connector's {@code samples/} folder at {@code /demo/<connector>/<file>}
     * @param baseUrl the address connectors use to reach the demo samples (the placeholder
     *     {@code spojka.demo.base-url} in {@code connector.yaml}); application.yaml points it at the hub's own port
     */
    public record Demo(
            @DefaultValue("true") boolean enabled,

            @NotBlank @DefaultValue("http://localhost:8080/demo")
            String baseUrl) {}

    /**
     * @param bootstrapServers an external Kafka cluster ({@code host:port,...}); empty starts the in-process broker
     * @param embedded the in-process single-node KRaft broker
     * @param changesTopic the compacted change log, keyed by entity IRI
     * @param deadletterTopic rejected records with the reason
     * @param publicChangesTopic the compacted public change log: the events of the public datasets only, copied from
     *     the change log by the hub, for dashboards and everyone who may read public data (docs/events.md)
     * @param partitions partitions of the topics the hub creates
     * @param replicationFactor replication factor of the topics the hub creates (1 for a single broker)
     * @param publishTimeout how long a change may wait for the broker before the run that publishes it fails and
     *     is retried by the connector's next run (the producer's {@code delivery.timeout.ms} and {@code max.block.ms};
     *     the idempotent producer retries within it); the hub stays up meanwhile and health reports the broker down
     */
    public record Kafka(
            @DefaultValue("") String bootstrapServers,
            @Valid @NotNull @DefaultValue Embedded embedded,
            @NotBlank @DefaultValue("spojka.changes") String changesTopic,
            @NotBlank @DefaultValue("spojka.deadletter") String deadletterTopic,
            @NotBlank @DefaultValue("spojka.public.changes") String publicChangesTopic,
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor,

            @NotNull @DurationMin(seconds = 1) @DefaultValue("2m")
            Duration publishTimeout) {

        public boolean external() {
            return !bootstrapServers.isBlank();
        }
    }

    /**
     * @param host the address the in-process broker listens on and advertises
     * @param port the broker's client port
     * @param controllerPort the port of its KRaft controller listener
     */
    public record Embedded(
            @NotBlank @DefaultValue("localhost") String host,
            @Min(1) @DefaultValue("9092") int port,
            @Min(1) @DefaultValue("9093") int controllerPort) {}

    /**
     * @param type {@code tdb2} (embedded, under the data directory) or {@code sparql} (an external SPARQL 1.1 store)
     * @param rebuild wipe the store at start-up and rebuild it from the change log
     * @param batchSize maximum number of change events the materializer applies in one transaction
     * @param pollTimeout how long the materializer waits for new change events before it looks again
     * @param commitLinger how long the materializer keeps gathering a trickle of changes into one transaction before
     *     it commits: TDB2 copies every index block a transaction touches and keeps the old copies until a compaction,
     *     so many small commits (thousands of small connector runs) grow the store fast; the store lags behind the log
     *     by at most this long
     * @param retryBackoffMax the longest wait between two tries of a batch the store refused (a full disk, a failing
     *     file system); the wait starts at one second and doubles, and the store resumes from its last committed batch
     * @param sparql the external SPARQL 1.1 store, used when {@code type} is {@code sparql}
     * @param compaction when the TDB2 store is compacted (docs/operations.md); ignored with an external store
     */
    public record Store(
            @NotNull @DefaultValue("tdb2") StoreType type,
            @DefaultValue("false") boolean rebuild,
            @Min(1) @DefaultValue("50000") int batchSize,
            @NotNull @DefaultValue("1s") Duration pollTimeout,
            @NotNull @DefaultValue("2s") Duration commitLinger,

            @NotNull @DurationMin(seconds = 1) @DefaultValue("30s")
            Duration retryBackoffMax,

            @Valid @NotNull @DefaultValue Sparql sparql,
            @Valid @NotNull @DefaultValue Compaction compaction) {}

    /**
     * TDB2 keeps every index block a write transaction replaced until the store is compacted: a compaction copies the
     * current state into a new generation directory ({@code Data-NNNN}), switches to it and deletes the old one.
     * Queries go on meanwhile; the materializer's writes wait until the copy is switched in.
     *
     * @param interval compact this long after the last compaction (or the start-up); {@code 0s} for no fixed interval
     * @param cron compact at the times of this cron expression (second minute hour day-of-month month day-of-week, as
     *     Spring's {@code @Scheduled}, e.g. {@code 0 0 3 * * *} for 03:00 every day); empty for none. The hub looks
     *     every {@code check-interval}, so a run starts up to that much later
     * @param growthFactor compact when the store's files are this many times their size after the last compaction,
     *     scaled by how many more quads the store holds now (new data is no garbage, so a store filling up is not
     *     compacted over and over; the first reference is the size at the first start); {@code 0} switches the growth
     *     trigger off, otherwise at least 1.1
     * @param growthMin the growth trigger waits until the store has also grown by this much since the last compaction,
     *     so a small store is not compacted over and over
     * @param checkInterval how often the hub checks the schedule and, when the store has been written since the last
     *     check, its size (a {@code du} of the store's directory)
     */
    public record Compaction(
            @NotNull @DefaultValue("0s") Duration interval,
            @NotNull @DefaultValue("") String cron,
            @DefaultValue("1.5") double growthFactor,
            @NotNull @DefaultValue("64MB") DataSize growthMin,

            @NotNull @DurationMin(seconds = 1) @DefaultValue("5s")
            Duration checkInterval) {}

    public enum StoreType {
        tdb2,
        sparql
    }

    /**
     * @param queryEndpoint SPARQL 1.1 query endpoint of the external store
     * @param updateEndpoint SPARQL 1.1 update endpoint of the external store
     */
    public record Sparql(
            @DefaultValue("") String queryEndpoint,
            @DefaultValue("") String updateEndpoint) {}

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path tdbDir() {
        return dataDir.resolve("tdb2");
    }

    /** The TDB2 store's size after its last compaction, the growth trigger's reference. */
    public Path compactionStateFile() {
        return dataDir.resolve("tdb2-compaction.properties");
    }

    /** The Lucene index of the titles and labels in the TDB2 store. */
    public Path textIndexDir() {
        return dataDir.resolve("text");
    }

    /** The audit log, JSON Lines files chained by hashes. */
    public Path auditDir() {
        return dataDir.resolve("audit");
    }

    /** The tenants, agencies, API key hashes and grants, one file each. */
    public Path accessDir() {
        return dataDir.resolve("access");
    }

    /** Webhook subscriptions, one file each (they hold their secrets). */
    public Path subscriptionsDir() {
        return dataDir.resolve("subscriptions");
    }
}
