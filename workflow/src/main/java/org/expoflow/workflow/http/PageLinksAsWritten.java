package org.expoflow.workflow.http;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * A page's links go out as the template writes them. Spring's resource-URL filter would look every link of every
 * page up as a static file on the class path (a list of 50 steps: hundreds of class-path searches) to put a version
 * into it, and no static file here is versioned: the WebJars are found by their version-free paths when asked.
 * Measured in docs/performance.md, "A province's morning".
 */
@Configuration(proxyBeanMethods = false)
class PageLinksAsWritten {

    /** Named and typed as Boot's own, which then stands back: the filter exists but serves no request. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> notServing = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        notServing.setEnabled(false);
        return notServing;
    }
}
