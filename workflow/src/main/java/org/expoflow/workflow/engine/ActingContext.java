package org.expoflow.workflow.engine;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.expoflow.commands.api.Actor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    private static final int CONCURRENCY_ATTEMPTS = 5;

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

    /**
     * Sends a command and waits for it, in the caller's transaction. Refusals surface as the aggregate
     * threw them. A command that is its own transaction is tried again when another writer changed its
     * aggregate at the same moment; inside a caller's transaction (the engine's) the conflict is the
     * caller's to report, as the transaction cannot be half retried.
     */
    public <R> R send(Object command) {
        String correlationId = MDC.get(CORRELATION_ID);
        MetaData metaData = MetaData.from(Map.of(ACTOR, currentActor().userId(),
                CORRELATION_ID, correlationId == null ? UUID.randomUUID().toString() : correlationId));
        boolean ownTransaction = !TransactionSynchronizationManager.isActualTransactionActive();
        for (int attempt = 1; ; attempt++) {
            try {
                return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            } catch (ConcurrencyException conflict) {
                if (!ownTransaction || attempt >= CONCURRENCY_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }
}
