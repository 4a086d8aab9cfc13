package cz.spojka.audit;

import cz.spojka.system.SpojkaProperties;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The audit log and the filter that records requests in it; its API needs the role admin ({@code access.ApiRoles}). */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    private final SpojkaProperties properties;

    AuditConfiguration(SpojkaProperties properties) {
        this.properties = properties;
    }

    @Bean(destroyMethod = "close")
    AuditLog auditLog() {
        SpojkaProperties.Audit audit = properties.audit();
        return AuditLog.open(properties.auditDir(), audit.fileSize().toBytes(), audit.forceToDisk());
    }

    @Bean(destroyMethod = "close")
    RepeatedRefusals repeatedRefusals(AuditLog auditLog) {
        SpojkaProperties.Audit audit = properties.audit();
        return new RepeatedRefusals(
                auditLog, audit.repeatedRefusalWindow(), audit.repeatedRefusalClients(), Clock.systemUTC());
    }

    /** Outermost of the filters: it sees the caller authentication found and the status of the final answer. */
    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditLog auditLog, RepeatedRefusals repeatedRefusals) {
        FilterRegistrationBean<AuditFilter> registration =
                new FilterRegistrationBean<>(new AuditFilter(auditLog, repeatedRefusals));
        registration.addUrlPatterns("/*");
        registration.setName("audit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
