package org.expoflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Commands leave with who acted and a correlation id; a command that is its own transaction is tried
 * again when another node changed its aggregate at the same moment, one inside the engine's is not.
 */
class ActingContextTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final ActingContext acting = new ActingContext(identity, gateway);

    @BeforeEach
    void shenyangIsSignedIn() {
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("shenyang", List.of("shenyang")));
    }

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aCommandCarriesTheActorAndACorrelationId() {
        acting.send("report progress");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway).sendAndWait(sent.capture());
        assertThat(sent.getValue().getMetaData()).containsEntry("actor", "shenyang").containsKey("correlationId");
    }

    @Test
    void aConflictingCommandInItsOwnTransactionIsTriedAgain() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("another node"))
                .thenThrow(new ConcurrencyException("another node")).thenReturn("done");

        assertThat((String) acting.send("report progress")).isEqualTo("done");
        verify(gateway, times(3)).sendAndWait(any());
    }

    @Test
    void aConflictInsideTheEnginesTransactionIsReportedNotRetried() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("another node"));

        assertThatThrownBy(() -> acting.send("complete task")).isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(1)).sendAndWait(any());
    }

    @Test
    void aLastingConflictIsReportedAfterAFewAttempts() {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("another node"));

        assertThatThrownBy(() -> acting.send("report progress")).isInstanceOf(ConcurrencyException.class);
        verify(gateway, times(5)).sendAndWait(any());
    }
}
