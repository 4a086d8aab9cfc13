package cz.spojka.sparql;

import cz.spojka.access.GraphAccess;
import cz.spojka.store.TdbEntityStore;
import cz.spojka.system.SpojkaProperties;
import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.fuseki.servlets.FusekiFilter;
import org.apache.jena.fuseki.system.FusekiCore;
import org.apache.jena.geosparql.configuration.GeoSPARQLConfig;
import org.apache.jena.geosparql.implementation.index.CacheConfiguration;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The SPARQL 1.1 endpoint at {@code /sparql}, served by Fuseki's own protocol code inside the hub's web server (one
 * origin, one port): queries ({@link PublishedQueries}: GET, POST form and POST direct, every result format by content
 * negotiation, full-text search with {@code text:query} and the GeoSPARQL functions) and Graph Store Protocol reads
 * ({@link PublishedGraphReads}), each of the graphs the request's caller may read ({@link CallerSecurityContext}:
 * Jena's access control over {@link GraphAccess}). It is read-only: the data service has no update or write operation, and
 * {@link RequestGuard} says why. A browser opening {@code /sparql} without a query gets the query UI (YASGUI with the
 * examples of {@code vocab/queries/}, {@link QueryUiController}). Browser apps of any allowed origin may query it (CORS). With an external store
 * ({@code spojka.store.type=sparql}) consumers query that store's own endpoint.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spojka.store.type", havingValue = "tdb2", matchIfMissing = true)
class SparqlEndpointConfiguration {

    static final String PATH = "/sparql";
    private static final List<String> PATHS = List.of(PATH, PATH + "/*");

    /** Parsed WKT literals and coordinate transformations kept for reuse by the GeoSPARQL functions. */
    private static final int GEOMETRY_CACHE_SIZE = 20_000;

    private static final long GEOMETRY_CACHE_EXPIRY_MILLIS =
            Duration.ofMinutes(10).toMillis();

    @Bean
    ServletContextInitializer fusekiRegistries(TdbEntityStore store, GraphAccess access, SpojkaProperties properties) {
        FusekiCore.init();
        setUpGeoSparql();
        SpojkaProperties.Limits limits = properties.limits();
        DataService service = DataService.newBuilder(published(store.dataset(), limits))
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.GSP_R)
                .build();
        OperationRegistry operations = OperationRegistry.createStd();
        // One budget per role for both: a Graph Store read takes a permit of the same concurrency as a query.
        QueryBudgets budgets = new QueryBudgets(limits);
        operations.register(Operation.Query, WebContent.contentTypeSPARQLQuery, new PublishedQueries(access, budgets));
        operations.register(Operation.GSP_R, new PublishedGraphReads(access, budgets));
        service.setEndpointProcessors(operations);
        service.goActive();
        DataAccessPointRegistry accessPoints = new DataAccessPointRegistry();
        accessPoints.register(new DataAccessPoint(PATH, service));
        return servletContext -> {
            DataAccessPointRegistry.set(servletContext, accessPoints);
            OperationRegistry.set(servletContext, operations);
        };
    }

    /** The store's dataset, its queries bounded by the public timeout unless a caller's role sets another. */
    private static DatasetGraph published(DatasetGraph dataset, SpojkaProperties.Limits limits) {
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        dataset.getContext().set(ARQ.queryTimeout, limits.publicRole().timeout().toMillis());
        // No SERVICE to any endpoint: the queries refuse it (QueryReach), and so does ARQ should one get through.
        dataset.getContext().set(ARQ.httpServiceAllowed, false);
        return dataset;
    }

    /**
     * The GeoSPARQL functions (geof:distance, geof:sfWithin, …, and Jena's spatial functions such as
     * spatialF:greatCircleGeom) with bounded caches: their defaults keep every literal ever parsed. Query rewrite on
     * (Jena's default, GeoSPARQL's query rewrite extension): without it the relations as property functions
     * ({@code ?geometry geo:sfWithin "POLYGON(…)"^^geo:wktLiteral}) find nothing. Its cache of relations is off: it is
     * shared by all callers and keyed by the related nodes, so one caller's answer could reach another who may not
     * read the graph of that geometry.
     */
    private static void setUpGeoSparql() {
        GeoSPARQLConfig.setupMemoryIndex(
                GEOMETRY_CACHE_SIZE,
                GEOMETRY_CACHE_SIZE,
                CacheConfiguration.NO_MAP,
                GEOMETRY_CACHE_EXPIRY_MILLIS,
                GEOMETRY_CACHE_EXPIRY_MILLIS,
                GEOMETRY_CACHE_EXPIRY_MILLIS,
                true);
    }

    /**
     * CORS, first of the filters: a preflight request is answered here, and every answer carries the headers. An
     * agency's browser app sends its credential in a header ({@code X-Api-Key} or {@code Authorization: Bearer}),
     * never in a cookie, so credentials are not allowed: a page of another origin cannot borrow what a browser holds.
     */
    @Bean
    FilterRegistrationBean<CorsFilter> sparqlCors(SpojkaProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.endpoint().corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "OPTIONS"));
        cors.setAllowedHeaders(
                List.of("Accept", "Content-Type", "Cache-Control", "X-Requested-With", "X-Api-Key", "Authorization"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        PATHS.forEach(path -> source.registerCorsConfiguration(path.replace("*", "**"), cors));
        return filter(new CorsFilter(source), "sparqlCors", Ordered.HIGHEST_PRECEDENCE + 5);
    }

    /** The query UI's examples, {@code vocab/queries/*.rq}; a file with a problem stops the hub, naming it. */
    @Bean
    QueryExamples queryExamples(SpojkaProperties properties) {
        return QueryExamples.read(properties.vocabDir().resolve("queries"));
    }

    /**
     * After Spring Security (+15, {@code spring.security.filter.order}) and the rate limit (+17), so that its refusals
     * (an agency's SPARQL Update, say) are the caller's, in the audit log too; before Fuseki (+20).
     */
    @Bean
    FilterRegistrationBean<RequestGuard> sparqlRequestGuard() {
        return filter(new RequestGuard(), "sparqlRequestGuard", Ordered.HIGHEST_PRECEDENCE + 18);
    }

    @Bean
    FilterRegistrationBean<FusekiFilter> fusekiFilter() {
        return filter(new FusekiFilter(), "fuseki", Ordered.HIGHEST_PRECEDENCE + 20);
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> filter(
            F filter, String name, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setUrlPatterns(PATHS);
        registration.setName(name);
        registration.setOrder(order);
        return registration;
    }
}
