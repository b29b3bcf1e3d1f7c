/**
 * The read side: event handlers that keep the read models (task list, board, figures) in tables,
 * and the query handlers that answer from them. Every projection is a tracking processor that can be
 * reset and replayed from the event store; none touches the aggregates or the engine.
 */
package org.expoflow.projections;
