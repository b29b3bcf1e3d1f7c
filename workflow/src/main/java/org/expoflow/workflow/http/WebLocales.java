package org.expoflow.workflow.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.expoflow.workflow.application.ReaderLanguage;
import org.expoflow.workflow.engine.EngineDoors;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese (zh-CN) by default, English for a browser that prefers it; {@code ?lang=en} or {@code ?lang=zh-CN}
 * switches, remembered in a cookie for a year.
 */
@Configuration(proxyBeanMethods = false)
class WebLocales implements WebMvcConfigurer {

    static final Locale CHINESE = ReaderLanguage.CHINESE;
    static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("expoflow-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(ReaderLanguage::of);
        return resolver;
    }

    /** The engine's doors are no MVC pages: their refusals take the reader's language from this filter. */
    @Bean
    FilterRegistrationBean<ReaderLanguage> readerLanguageOnTheEngineDoors() {
        FilterRegistrationBean<ReaderLanguage> registration = new FilterRegistrationBean<>(new ReaderLanguage());
        registration.addUrlPatterns(EngineDoors.ENGINE_REST + "/*", "/camunda/api/*");
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
