/** Wiring: Axon's event store in the engine's database and transaction, serialisation, aggregates, clocks. */
package org.expoflow.workflow.config;
