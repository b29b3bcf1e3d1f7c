/**
 * The messages of a unit's step (a task): the office assigns it, the unit claims, reports progress on, attaches
 * evidence to and completes it; the office chases it up, extends or reassigns it, decides the unit's extension
 * requests and, in review, approves or returns it; the engine records it due soon, overdue and cancelled.
 * <p>
 * Stored under their names in {@code org.expoflow.commands.api} ({@link org.expoflow.commands.storage.StoredMessageNames}):
 * rename no record and no field.
 */
package org.expoflow.commands.api.task;
