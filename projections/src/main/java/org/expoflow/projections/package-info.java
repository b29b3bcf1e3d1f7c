/**
 * The read side: event handlers that keep the read models (task list, board, figures) in tables,
 * and the query handlers that answer from them. Every projection runs in the transaction that stores its
 * events and can be reset and replayed from the event store; none touches the aggregates or the engine.
 */
package org.expoflow.projections;
