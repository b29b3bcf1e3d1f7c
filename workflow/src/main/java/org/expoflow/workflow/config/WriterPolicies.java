package org.expoflow.workflow.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.expoflow.workflow.engine.DirectiveLauncher;
import org.expoflow.workflow.notifications.NotificationPolicy;
import org.expoflow.workflow.observability.SupervisionCounters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policies that act with the writer, in its transaction and never on a replay: the engine bridge
 * that starts a directive's processes, the supervision counters and the notices. Each keeps its
 * processing group (its handlers, its error handling); one subscribing processor, {@value #PROCESSOR},
 * handles the three.
 * <p>
 * A subscribing processor wraps every event in a unit of work of its own, with its interceptors and its
 * monitors, whether or not one of its handlers takes the event: as three processors they did that three
 * times for every event a completion stores, a visible share of a completion for no work
 * (docs/adr/0009-axon-plumbing-trimmed.md).
 */
@Configuration(proxyBeanMethods = false)
public class WriterPolicies {

    public static final String PROCESSOR = "policies";

    /**
     * A directive's processes start with it or the directive is not issued: a process that cannot start (a kind
     * whose model names an unknown variable) fails the issue with its reason, instead of being logged while the
     * engine's rollback left the coordinator an unexplained error. A notice that cannot be written fails its event's
     * write the same way: a step is never done without the news of it (Axon's default logs a handler's failure and
     * goes on with the next, docs/adr/0029).
     */
    @Bean
    ConfigurerModule policiesInOneProcessor() {
        return configurer -> configurer.eventProcessing()
                .assignProcessingGroup(DirectiveLauncher.PROCESSING_GROUP, PROCESSOR)
                .assignProcessingGroup(SupervisionCounters.PROCESSING_GROUP, PROCESSOR)
                .assignProcessingGroup(NotificationPolicy.PROCESSING_GROUP, PROCESSOR)
                .registerListenerInvocationErrorHandler(DirectiveLauncher.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(NotificationPolicy.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}
