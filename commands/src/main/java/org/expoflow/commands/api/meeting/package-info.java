/**
 * The messages of a coordination meeting (调度会): convened, its decisions and the units' reports recorded, then
 * closed and frozen.
 * <p>
 * Stored under their names in {@code org.expoflow.commands.api} ({@link org.expoflow.commands.storage.StoredMessageNames}):
 * rename no record and no field.
 */
package org.expoflow.commands.api.meeting;
