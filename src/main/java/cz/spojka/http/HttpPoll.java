package cz.spojka.http;

import cz.spojka.changelog.DeadLetter;
import cz.spojka.changelog.DeadLetterPublisher;
import cz.spojka.connector.ConnectorRunner;
import cz.spojka.connector.ConnectorState;
import cz.spojka.connector.Connectors;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;

/**
 * The fetching step of the {@code http-poll} route template: one instance per connector, a template bean whose
 * properties are the template's parameters. {@link #check()} runs once they are set, when the route is created, and
 * refuses combinations that cannot work; {@link #fetch(Exchange)} then fetches every page of each poll.
 *
 * <p>The route reads the connector's state into the exchange properties {@code spojkaHttp.<key>} before the fetch;
 * the fetch leaves the pages as the body (a list of byte arrays, the source's bytes untouched), proposes the next
 * state as {@code spojkaState.<key>} and marks a poll that asked only for changes as a partial snapshot.
 */
public class HttpPoll {

    /** Exchange properties with this prefix carry the connector's stored state into the fetch. */
    public static final String STATE_IN = "spojkaHttp.";

    private String connectorId;
    private Connectors connectors;
    private DeadLetterPublisher deadLetters;
    private String url;
    private String accept;
    private int timeoutMillis;
    private long maxBytes;
    private String pagination;
    private String pageParam;
    private String pageStart;
    private String pageSizeParam;
    private int pageSize;
    private String nextLinkPointer;
    private int maxPages;
    private String sinceParam;
    private String sinceFrom;
    private String sinceHeader;
    private String sincePointer;
    private boolean conditional;
    private String auth;
    private String username;
    private String password;
    private String apiKeyHeader;
    private String apiKey;
    private String tokenUrl;
    private String clientId;
    private String clientSecret;
    private String scope;

    private HttpSource source;

    /**
     * Builds the source from the parameters; called by Camel when the route is created. Throws
     * {@link IllegalArgumentException} listing every combination of parameters that cannot work, so that the
     * connector is skipped with all its problems at once.
     */
    public void check() {
        HttpPollSettings settings = new HttpPollSettings();
        Paging paging = settings.paging(pagination, pageParam, pageStart, pageSizeParam, pageSize, nextLinkPointer);
        Incremental incremental =
                settings.incremental(sinceParam, sinceFrom, sinceHeader, sincePointer, conditional, paging);
        settings.positive("maxPages", maxPages);
        settings.positive("timeoutMillis", timeoutMillis);
        settings.positive("maxBytes", maxBytes);
        Duration timeout = Duration.ofMillis(Math.max(1, timeoutMillis));
        HttpClient client = client(timeout, "none".equals(HttpPollSettings.text(auth)));
        Authentication authentication = settings.authentication(
                auth,
                username,
                password,
                apiKeyHeader,
                apiKey,
                tokenUrl,
                clientId,
                clientSecret,
                scope,
                client,
                timeout);
        settings.throwProblems(connectorId);
        source = new HttpSource(
                URI.create(url),
                HttpPollSettings.text(accept),
                timeout,
                paging,
                maxPages,
                incremental,
                authentication,
                client,
                Clock.systemUTC(),
                maxBytes);
    }

    /** Fetches every page of one poll; see the class description for what it leaves on the exchange. */
    public void fetch(Exchange exchange) {
        Incremental.State state = new Incremental.State(
                stateIn(exchange, Incremental.SINCE),
                stateIn(exchange, Incremental.ETAG),
                stateIn(exchange, Incremental.LAST_MODIFIED));
        Connectors.Active connector = connectors.active(connectorId);
        HttpSource.Poll poll;
        try {
            poll = source.poll(state, connector.mapper(), connector.definition().resilience());
        } catch (HttpPollException e) {
            if (e.unreadableBody() != null) {
                // The run fails in the route, before the runner, which would otherwise keep the body it cannot read.
                deadLetters.publish(DeadLetter.now(
                        connectorId,
                        "body",
                        null,
                        "fetch",
                        e.getMessage(),
                        null,
                        new String(e.unreadableBody(), StandardCharsets.UTF_8)));
            }
            throw e;
        }
        exchange.getMessage().setBody(poll.pages());
        // A run that cannot read the pages names the address in its error and its dead letter.
        exchange.setProperty(ConnectorRunner.SOURCE_PROPERTY, url);
        exchange.setProperty(ConnectorRunner.PARTIAL_PROPERTY, poll.partial());
        poll.nextState().forEach((key, value) -> exchange.setProperty(ConnectorState.PROPERTY_PREFIX + key, value));
    }

    private static String stateIn(Exchange exchange, String key) {
        String value = exchange.getProperty(STATE_IN + key, String.class);
        return value == null ? "" : value;
    }

    /**
     * One client per kind of connection, shared by every connector that polls with it: a JDK client owns a selector
     * thread and a connection pool, and a hub polling 6,000 municipal boards must not start 6,000 of each.
     */
    private static final Map<ClientKind, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private record ClientKind(Duration connectTimeout, boolean followRedirects) {}

    /**
     * Redirects are followed only without credentials: a redirect to another host must not carry them there, and
     * an address that redirects is better configured as its target.
     */
    private static HttpClient client(Duration timeout, boolean followRedirects) {
        return CLIENTS.computeIfAbsent(new ClientKind(timeout, followRedirects), kind -> {
            HttpClient.Builder client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(kind.connectTimeout())
                    .followRedirects(kind.followRedirects() ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
            // The JVM's proxy settings (https.proxyHost, http.nonProxyHosts, …) apply as they do to other clients.
            if (ProxySelector.getDefault() != null) {
                client.proxy(ProxySelector.getDefault());
            }
            return client.build();
        });
    }

    public void setConnectorId(String connectorId) {
        this.connectorId = connectorId;
    }

    public void setConnectors(Connectors connectors) {
        this.connectors = connectors;
    }

    public void setDeadLetters(DeadLetterPublisher deadLetters) {
        this.deadLetters = deadLetters;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setAccept(String accept) {
        this.accept = accept;
    }

    public void setTimeoutMillis(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public void setPagination(String pagination) {
        this.pagination = pagination;
    }

    public void setPageParam(String pageParam) {
        this.pageParam = pageParam;
    }

    public void setPageStart(String pageStart) {
        this.pageStart = pageStart;
    }

    public void setPageSizeParam(String pageSizeParam) {
        this.pageSizeParam = pageSizeParam;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public void setNextLinkPointer(String nextLinkPointer) {
        this.nextLinkPointer = nextLinkPointer;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public void setSinceParam(String sinceParam) {
        this.sinceParam = sinceParam;
    }

    public void setSinceFrom(String sinceFrom) {
        this.sinceFrom = sinceFrom;
    }

    public void setSinceHeader(String sinceHeader) {
        this.sinceHeader = sinceHeader;
    }

    public void setSincePointer(String sincePointer) {
        this.sincePointer = sincePointer;
    }

    public void setConditional(boolean conditional) {
        this.conditional = conditional;
    }

    public void setAuth(String auth) {
        this.auth = auth;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void setApiKeyHeader(String apiKeyHeader) {
        this.apiKeyHeader = apiKeyHeader;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }
}
