package org.expoflow.projections.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a projection's rows go: the one seam between its handlers and the database, whose implementation the
 * writer chooses. Live, through {@link #live}: each statement now, in the transaction that stored the events.
 * In a rebuild, through {@link ReplayWrites}: statements collected and sent as JDBC batches, rows kept for the
 * batch and sent by {@code COPY}, on a writer thread of their own. A projection's handlers are the same either
 * way (docs/adr/0006-rebuild-by-replay-with-batched-copy.md).
 */
public interface ReadModelWrites {

    /** A statement whose effect the projection's handlers do not read back. */
    void update(String sql, Object... args);

    /** The projection's rows of one kind, kept the way this writer keeps them. */
    <R> R rows(Rows<R> kind);

    /** Statements now, in the caller's transaction. */
    static ReadModelWrites live(JdbcTemplate jdbc) {
        return new ReadModelWrites() {
            @Override
            public void update(String sql, Object... args) {
                jdbc.update(sql, args);
            }

            @Override
            public <R> R rows(Rows<R> kind) {
                return kind.now(jdbc);
            }
        };
    }

    /**
     * Rows of one kind (a task's row with its history and versions, a figure's versions) in their two forms:
     * written as each event comes, or kept and written by the batch.
     */
    interface Rows<R> {

        /** Written at once, one event's rows in as few round trips as the database allows. */
        R now(JdbcTemplate jdbc);

        /** Kept by the rebuild's writer ({@link ReplayWrites#buffer}) and written with its batches. */
        R batched(ReplayWrites writes);
    }
}
