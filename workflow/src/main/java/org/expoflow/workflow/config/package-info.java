/**
 * Wiring: Axon's event store in the engine's database and transaction, serialisation, aggregates, clocks,
 * and where the read models are projected (in the writer's transaction, or behind a tracking processor).
 */
package org.expoflow.workflow.config;
