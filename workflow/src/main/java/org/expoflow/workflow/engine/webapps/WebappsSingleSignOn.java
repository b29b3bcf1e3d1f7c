package org.expoflow.workflow.engine.webapps;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webapps (Cockpit, Tasklist, Admin) trust the user Spring Security signed in, instead of asking again. */
@Configuration(proxyBeanMethods = false)
public class WebappsSingleSignOn {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappsSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security's filter chain (order -100), which has signed the user in by then
        registration.setOrder(201);
        return registration;
    }
}
