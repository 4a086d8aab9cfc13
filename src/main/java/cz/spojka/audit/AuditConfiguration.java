package cz.spojka.audit;

import cz.spojka.system.SpojkaProperties;
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

    /** Outermost of the filters: it sees the caller authentication found and the status of the final answer. */
    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditLog auditLog) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(auditLog));
        registration.addUrlPatterns("/*");
        registration.setName("audit");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
