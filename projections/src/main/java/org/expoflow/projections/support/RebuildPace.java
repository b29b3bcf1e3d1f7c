package org.expoflow.projections.support;

import java.time.Duration;

/**
 * How a rebuild shares the node with the people using it. Asked after each batch the rebuild projects, it may hold
 * the rebuild back before the next: a rebuild started in office hours gives way to the pages waiting for the same
 * processors, one at night runs at full speed (docs/adr/0040-a-rebuild-gives-way-to-requests.md).
 */
@FunctionalInterface
public interface RebuildPace {

    /** A rebuild alone on its node: never held back. */
    RebuildPace FULL_SPEED = batch -> {
    };

    /** After a batch of the rebuild that took {@code batch}: returns when the next may start. */
    void afterBatch(Duration batch) throws InterruptedException;
}
