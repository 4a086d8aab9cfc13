package cz.spojka.audit;

import cz.spojka.subscription.AdminApiKey;
import cz.spojka.system.SpojkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The audit log, the filter that records requests in it, and its API behind the admin key. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements WebMvcConfigurer {

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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminApiKey(properties.admin().apiKey()))
                .addPathPatterns(AuditController.PATH, AuditController.PATH + "/**");
    }
}
