package org.expoflow.workflow.observability;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.expoflow.commands.api.DomainRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The count of refused commands by command and reason, and a log line for each. */
@Configuration(proxyBeanMethods = false)
public class ObservabilitySetup {

    private static final Logger log = LoggerFactory.getLogger(ObservabilitySetup.class);

    /**
     * Every command an aggregate refuses, by command and reason (the refusal's kind, or {@code CONCURRENT} when
     * another writer changed the aggregate at the same moment). Axon's own {@code commandBus} timers give
     * the latency of every command.
     */
    @Bean
    ConfigurerModule commandRefusalsCounted(MeterRegistry registry) {
        MessageHandlerInterceptor<CommandMessage<?>> counting = (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (DomainRuleViolation refused) {
                count(registry, unitOfWork.getMessage(), refused.kind().name());
                // the line an operator finds by the correlation id a clerk reads off the refusal
                log.info("{} refused ({}): {}", unitOfWork.getMessage().getPayloadType().getSimpleName(),
                        refused.kind(), refused.getMessage());
                throw refused;
            } catch (ConcurrencyException conflict) {
                count(registry, unitOfWork.getMessage(), "CONCURRENT");
                throw conflict;
            }
        };
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                () -> configuration.commandBus().registerHandlerInterceptor(counting)));
    }

    private static void count(MeterRegistry registry, CommandMessage<?> command, String reason) {
        Counter.builder("expoflow.command.refusals").description("commands refused, by command and reason")
                .tag("command", command.getPayloadType().getSimpleName()).tag("reason", reason)
                .register(registry).increment();
    }
}
