package org.expoflow.workflow.config;

import java.util.List;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, told when the database transaction that stored events has committed.
 * <p>
 * A command sent from the engine's task listener runs in a unit of work that joins the engine's Spring
 * transaction; the unit of work "commits" while that transaction is still open, and the event store
 * wakes its tracking processors then, when the events are not yet visible to them. The processors
 * would see them only at their next fetch, a second later: thread samples under load showed the
 * projections idle in {@code peekGlobalStream} while clerks' completions waited for them. Registering
 * {@link #wakeProcessorsAfterCommit()} once per transaction wakes them the moment the events can be read.
 */
public class CommitAwareEventStore extends EmbeddedEventStore {

    private static final Object REGISTERED = new Object();

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    /** Within a Spring transaction, wakes the tracking processors once it has committed; otherwise does nothing. */
    public void wakeProcessorsAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, REGISTERED);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CommitAwareEventStore.this);
                if (status == STATUS_COMMITTED) {
                    CommitAwareEventStore.this.afterCommit(List.of());
                }
            }
        });
    }
}
