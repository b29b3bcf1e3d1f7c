/**
 * The REST contract of ExpoFlow under {@code /api}: JSON in and out, errors as RFC 9457 problem
 * details naming the field at fault. Writes go through commands (or the engine, for task lifecycle
 * changes) and wait for the projections, so a caller's next read shows what it just did.
 */
package org.expoflow.workflow.api;
