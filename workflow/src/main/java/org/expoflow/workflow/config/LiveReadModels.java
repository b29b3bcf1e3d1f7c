package org.expoflow.workflow.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryMessage;
import org.expoflow.projections.support.ReadModelState;
import org.expoflow.projections.support.ReadModels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read models are projected in the writer's transaction (the {@code read-models} group is
 * subscribing): what a request changed is in the read models when it answers, on every node, with no
 * wait. A projection that fails fails the write with it, so the two never disagree. A rebuild fills new
 * tables beside the live ones, which writers and queries go on using until it switches; each writer's
 * transaction passes the gate that lets the switch happen between two writers ({@link ReadModelState},
 * docs/adr/0026-rebuild-beside-the-live-model.md).
 * <p>
 * The one mode: a read-model group behind a tracking processor is refused at start. Waiting for one (the
 * processor woken, the events read back and projected, its token stored) was much of a completion
 * (docs/adr/0001-read-models-in-the-writers-transaction.md).
 */
@Configuration(proxyBeanMethods = false)
public class LiveReadModels {

    @Bean
    ConfigurerModule readModelsProjectedThroughTheGate(ReadModelState state) {
        MessageHandlerInterceptor<EventMessage<?>> throughTheGate = (unitOfWork, chain) -> {
            state.passForLiveProjection();
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor(ReadModels.PROCESSING_GROUP, configuration -> throughTheGate)
                .registerListenerInvocationErrorHandler(ReadModels.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }

    /** {@code axon.eventhandling.processors.read-models.mode} set to anything but {@code subscribing} stops the start. */
    @Bean
    ConfigurerModule readModelsOnlyInTheWritersTransaction() {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(() -> configuration
                .eventProcessingConfiguration().eventProcessor(ReadModels.PROCESSING_GROUP)
                .filter(processor -> !(processor instanceof SubscribingEventProcessor))
                .ifPresent(processor -> {
                    throw new IllegalStateException("the read models are projected in the writer's transaction only: '"
                            + ReadModels.PROCESSING_GROUP + "' must be a subscribing processor, not "
                            + processor.getClass().getSimpleName());
                })));
    }

    @Bean
    ConfigurerModule queriesAnsweredFromTheLiveModel(ReadModelState state) {
        MessageHandlerInterceptor<QueryMessage<?, ?>> live = (unitOfWork, chain) -> state.answerFromLiveModel(chain::proceed);
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                () -> configuration.queryBus().registerHandlerInterceptor(live)));
    }
}
