package org.expoflow.workflow.home;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The sign-in form, served as a plain view rather than by a page controller: the pages' advice (unit names,
 * the unread count) reads the database for every page controller, and the sign-in must render while the
 * database is out of reach, so that it works again the moment the database is back.
 */
@Configuration(proxyBeanMethods = false)
class SignInPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("login");
    }
}
