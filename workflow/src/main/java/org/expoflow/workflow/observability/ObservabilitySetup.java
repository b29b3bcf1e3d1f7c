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
import io.micrometer.core.instrument.Timer;

/**
 * Every command timed, by its type, and every refused command counted by command and reason, with a log
 * line for each.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilitySetup {

    /**
     * The command latency histogram the dashboard reads ({@code commandBus_allTimer_seconds_bucket}): from
     * the handler's start to the end of its unit of work, its events stored and projected included.
     * <p>
     * Why not Axon's own monitors, which gave it: they also timed, counted and measured the capacity of
     * every event in the event store and in each of the four event processors, each looking its meters up
     * by name and tags per message: 6 to 7% of a clerk's completion in the write-path benchmark's flight
     * recording, for figures nobody charted.
     */
    static final String COMMAND_TIMER = "commandBus.allTimer";

    private static final Logger log = LoggerFactory.getLogger(ObservabilitySetup.class);

    /**
     * Every command an aggregate refuses, by command and reason (the refusal's kind, or {@code CONCURRENT} when
     * another writer changed the aggregate at the same moment). Axon's own {@code commandBus} timers give
     * the latency of every command.
     */
    @Bean
    ConfigurerModule commandsTimedAndRefusalsCounted(MeterRegistry registry) {
        ClassValue<Timer> timers = new ClassValue<>() {
            @Override
            protected Timer computeValue(Class<?> commandType) {
                return Timer.builder(COMMAND_TIMER).description("commands, from their handling to their events stored and projected")
                        .tag("payloadType", commandType.getSimpleName()).register(registry);
            }
        };
        MessageHandlerInterceptor<CommandMessage<?>> counting = (unitOfWork, chain) -> {
            Timer.Sample handling = Timer.start(registry);
            unitOfWork.onCleanup(done -> handling.stop(timers.get(unitOfWork.getMessage().getPayloadType())));
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
