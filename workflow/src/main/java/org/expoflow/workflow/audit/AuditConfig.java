package org.expoflow.workflow.audit;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit log's door on every request, after Spring Security's filters (order -100), which have named the person; and
 * the request's address, before them, for what is recorded while they sign someone in.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    @Bean
    FilterRegistrationBean<AuditedRequests> auditedRequests(AuditLog log) {
        FilterRegistrationBean<AuditedRequests> registration = new FilterRegistrationBean<>(new AuditedRequests(log));
        registration.setOrder(2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestAddresses> requestAddresses() {
        FilterRegistrationBean<RequestAddresses> registration = new FilterRegistrationBean<>(new RequestAddresses());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
