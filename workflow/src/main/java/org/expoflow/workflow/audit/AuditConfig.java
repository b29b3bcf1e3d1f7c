package org.expoflow.workflow.audit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log's door on every request, after Spring Security's filters (order -100), which have named the person. */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    @Bean
    FilterRegistrationBean<AuditedRequests> auditedRequests(AuditLog log) {
        FilterRegistrationBean<AuditedRequests> registration = new FilterRegistrationBean<>(new AuditedRequests(log));
        registration.setOrder(2);
        return registration;
    }
}
