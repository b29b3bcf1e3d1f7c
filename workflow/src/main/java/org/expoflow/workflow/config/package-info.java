/**
 * Wiring: Axon's event store in the engine's database and transaction, serialisation, aggregates, clocks,
 * and the read models projected in the writer's transaction (docs/adr/0001-read-models-in-the-writers-transaction.md).
 */
package org.expoflow.workflow.config;
