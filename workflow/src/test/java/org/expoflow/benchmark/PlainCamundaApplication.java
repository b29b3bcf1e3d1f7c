package org.expoflow.benchmark;

import java.util.Map;

import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jersey.JerseyAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;

/**
 * The baseline of the write-path benchmark: the plain Camunda 7.24 engine with its REST API, as Camunda's
 * Spring Boot starter makes it, serving {@code invite-buyers.bpmn} and nothing of ExpoFlow's (no bridge,
 * no events, no supervision, no security). Only the auto-configuration an engine with its REST API needs
 * is imported, so the ExpoFlow and Axon classes on the same class path stay out of it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class, JacksonAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class, JerseyAutoConfiguration.class, CamundaBpmAutoConfiguration.class,
        CamundaBpmRestJerseyAutoConfiguration.class})
public class PlainCamundaApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PlainCamundaApplication.class);
        application.setDefaultProperties(Map.of(
                // none of ExpoFlow's application.yml: the engine as the starter makes it
                "spring.config.name", "plain-camunda",
                "camunda.bpm.history-level", "full",
                "camunda.bpm.database.schema-update", "true",
                "camunda.bpm.deployment-resource-pattern", "classpath*:directive-kinds/invite-buyers.bpmn",
                "camunda.bpm.generic-properties.properties.enforceHistoryTimeToLive", "false"));
        application.run(args);
    }
}
