package org.expoflow.benchmark;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jersey.JerseyAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The baseline of the write-path benchmark: the plain Camunda 7.24 engine with its REST API, as Camunda's
 * Spring Boot starter makes it, serving {@code invite-buyers.bpmn} and nothing of ExpoFlow's (no bridge,
 * no events, no supervision). Only the auto-configuration an engine with its REST API needs is imported, so the
 * ExpoFlow and Axon classes on the same class path stay out of it.
 * <p>
 * Open by default, as the starter makes it; with {@code --plain.secured=true} secured as Camunda's documentation
 * asks of a shared engine ({@link SecuredEngine}).
 */
@SpringBootConfiguration
@Import(PlainCamundaApplication.SecuredEngine.class)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class, JacksonAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class, JerseyAutoConfiguration.class, CamundaBpmAutoConfiguration.class,
        CamundaBpmRestJerseyAutoConfiguration.class})
public class PlainCamundaApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PlainCamundaApplication.class);
        application.setDefaultProperties(Map.of(
                "camunda.bpm.authorization.enabled", "${plain.secured:false}",
                // none of ExpoFlow's application.yml: the engine as the starter makes it
                "spring.config.name", "plain-camunda",
                "camunda.bpm.history-level", "full",
                "camunda.bpm.database.schema-update", "true",
                "camunda.bpm.deployment-resource-pattern", "classpath*:directive-kinds/invite-buyers.bpmn",
                "camunda.bpm.generic-properties.properties.enforceHistoryTimeToLive", "false"));
        application.run(args);
    }

    /**
     * The engine secured as Camunda's documentation asks for a shared engine's REST API: every request signed in
     * by HTTP Basic through the engine's own {@link ProcessEngineAuthenticationFilter}, authorization checks on,
     * and the benchmark's user {@code bench} (password {@code demo}) in a group granted what a Tasklist user needs
     * to start {@code invite-buyers} and work its steps: no more.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "plain.secured", havingValue = "true")
    static class SecuredEngine {

        static final String USER = "bench";
        static final String GROUP = "clerks";

        @Bean
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestSignIn() {
            FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                    new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
            registration.addUrlPatterns("/engine-rest/*");
            registration.setInitParameters(Map.of("authentication-provider", HttpBasicAuthenticationProvider.class.getName()));
            return registration;
        }

        @Bean
        ApplicationRunner benchUserAndGrants(ProcessEngine engine) {
            return arguments -> {
                IdentityService identities = engine.getIdentityService();
                if (identities.createUserQuery().userId(USER).count() > 0) {
                    return;
                }
                User user = identities.newUser(USER);
                user.setPassword("demo");
                identities.saveUser(user);
                Group group = identities.newGroup(GROUP);
                group.setType("WORKFLOW");
                identities.saveGroup(group);
                identities.createMembership(USER, GROUP);
                grant(engine, Resources.PROCESS_DEFINITION, "invite-buyers", ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                        ProcessDefinitionPermissions.TASK_WORK);
                grant(engine, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
            };
        }

        private static void grant(ProcessEngine engine, Resources resource, String resourceId, Permission... permissions) {
            AuthorizationService authorizations = engine.getAuthorizationService();
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(GROUP);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            for (Permission permission : permissions) {
                grant.addPermission(permission);
            }
            authorizations.saveAuthorization(grant);
        }
    }
}
