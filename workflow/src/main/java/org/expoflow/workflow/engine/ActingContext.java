package org.expoflow.workflow.engine;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.expoflow.commands.api.Actor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now and under which correlation id, and the one way commands leave the
 * application: with both in their metadata, so every event says who acted and what request caused it.
 * <p>
 * The actor is the engine's current authentication, which {@code EngineAuthenticationFilter} sets for
 * every signed-in request (our API and {@code /engine-rest} alike); without one, the engine itself acts
 * (a timer, the job executor).
 */
@Component
public class ActingContext {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";

    private final IdentityService identityService;
    private final CommandGateway commandGateway;

    public ActingContext(IdentityService identityService, CommandGateway commandGateway) {
        this.identityService = identityService;
        this.commandGateway = commandGateway;
    }

    public Actor currentActor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Actor.engine();
        }
        return new Actor(authentication.getUserId(),
                authentication.getGroupIds() == null ? Set.of() : Set.copyOf(authentication.getGroupIds()));
    }

    /** Sends a command and waits for it, in the caller's transaction. Refusals surface as the aggregate threw them. */
    public <R> R send(Object command) {
        String correlationId = MDC.get(CORRELATION_ID);
        MetaData metaData = MetaData.from(Map.of(ACTOR, currentActor().userId(),
                CORRELATION_ID, correlationId == null ? UUID.randomUUID().toString() : correlationId));
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
