package cz.spojka.sparql;

import cz.spojka.store.TdbEntityStore;
import cz.spojka.system.SpojkaProperties;
import java.util.function.Function;
import org.apache.jena.fuseki.access.AccessCtl_GSP_R;
import org.apache.jena.fuseki.access.AccessCtl_SPARQL_QueryDataset;
import org.apache.jena.fuseki.access.AuthorizationService;
import org.apache.jena.fuseki.access.DataAccessCtl;
import org.apache.jena.fuseki.access.SecurityContext;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.fuseki.servlets.FusekiFilter;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.system.FusekiCore;
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

/**
 * The SPARQL 1.1 endpoint at {@code /sparql}, served by Fuseki's own protocol code inside the hub's web server (one
 * origin, one port): query via GET, POST form and POST direct with every result format by content negotiation, and
 * Graph Store Protocol reads. It is read-only — the data service has no update or write operation, so SPARQL Update
 * and GSP writes are refused. The default graph is the union of the named graphs; the stored default graph (the
 * materializer's offsets) is never visible. With an external store ({@code spojka.store.type=sparql}) consumers
 * query that store's own endpoint.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spojka.store.type", havingValue = "tdb2", matchIfMissing = true)
class SparqlEndpointConfiguration {

    static final String PATH = "/sparql";

    /** Until agencies and grants exist, every caller is the public and sees every named graph. */
    private static final Function<HttpAction, String> PUBLIC_USER = action -> "public";

    @Bean
    ServletContextInitializer fusekiRegistries(TdbEntityStore store, SpojkaProperties properties) {
        FusekiCore.init();
        DatasetGraph published = publishedView(store.dataset(), properties);
        DataService service = DataService.newBuilder(published)
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.GSP_R)
                .build();
        OperationRegistry operations = OperationRegistry.createStd();
        operations.register(
                Operation.Query, WebContent.contentTypeSPARQLQuery, new AccessCtl_SPARQL_QueryDataset(PUBLIC_USER));
        operations.register(Operation.GSP_R, new AccessCtl_GSP_R(PUBLIC_USER));
        service.setEndpointProcessors(operations);
        service.goActive();
        DataAccessPointRegistry accessPoints = new DataAccessPointRegistry();
        accessPoints.register(new DataAccessPoint(PATH, service));
        return servletContext -> {
            DataAccessPointRegistry.set(servletContext, accessPoints);
            OperationRegistry.set(servletContext, operations);
        };
    }

    private static DatasetGraph publishedView(DatasetGraph dataset, SpojkaProperties properties) {
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        dataset.getContext()
                .set(ARQ.queryTimeout, properties.endpoint().queryTimeout().toMillis());
        SecurityContext published = new PublishedGraphs(dataset);
        AuthorizationService everyone = user -> published;
        return DataAccessCtl.controlledDataset(dataset, everyone);
    }

    @Bean
    FilterRegistrationBean<ReadOnlyGuard> sparqlReadOnlyGuard() {
        FilterRegistrationBean<ReadOnlyGuard> registration = new FilterRegistrationBean<>(new ReadOnlyGuard());
        registration.addUrlPatterns(PATH, PATH + "/*");
        registration.setName("sparqlReadOnlyGuard");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FusekiFilter> fusekiFilter() {
        FilterRegistrationBean<FusekiFilter> registration = new FilterRegistrationBean<>(new FusekiFilter());
        registration.addUrlPatterns(PATH, PATH + "/*");
        registration.setName("fuseki");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
