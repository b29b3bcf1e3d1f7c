/**
 * What a node tells Prometheus about the expo, beside the JVM, HTTP, database and Axon metrics it exports
 * anyway: directives issued, steps assigned, completed and returned, chase-ups and escalations (counted as
 * their events are stored), where every unit's steps stand (open, overdue, due soon, due by now, done), the
 * engine's job backlog, how far the read models lag, and the commands refused, by reason. Every tag is
 * bounded: units, directive kinds, command names and reasons, never an id.
 */
package org.expoflow.workflow.observability;
