package org.expoflow.workflow.home;

import java.util.Arrays;

import org.expoflow.workflow.security.provider.NotKnownHere;
import org.expoflow.workflow.security.provider.OpenIdProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The sign-in form, served as a plain view rather than by a page controller: the pages' advice (unit names,
 * the unread count) reads the database for every page controller, and the sign-in must render while the
 * database is out of reach, so that it works again the moment the database is back. It offers the province's
 * identity provider when there is one and, after the provider vouched for someone ExpoFlow refused, says why and
 * whom to ask: neither reads the database.
 */
@Configuration(proxyBeanMethods = false)
class SignInPage implements WebMvcConfigurer {

    private final ObjectProvider<OpenIdProvider> openIdProvider;

    SignInPage(ObjectProvider<OpenIdProvider> openIdProvider) {
        this.openIdProvider = openIdProvider;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/login").setViewName("login");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView page) {
                if (page == null) {
                    return;
                }
                if (openIdProvider.getIfAvailable() != null) {
                    page.addObject("providerSignIn", OpenIdProvider.SIGN_IN_PATH);
                }
                String refused = request.getParameter("refused");
                Arrays.stream(NotKnownHere.Reason.values()).filter(reason -> reason.name().equals(refused)).findFirst()
                        .ifPresent(reason -> page.addObject("refusal", reason.messageKey()));
            }
        }).addPathPatterns("/login");
    }
}
