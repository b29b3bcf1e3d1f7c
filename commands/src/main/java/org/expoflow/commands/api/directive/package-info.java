/**
 * The messages of a directive: the office issues it to its units, comments on or withdraws it, and records each
 * unit that finished its part.
 * <p>
 * Stored under their names in {@code org.expoflow.commands.api} ({@link org.expoflow.commands.storage.StoredMessageNames}):
 * rename no record and no field.
 */
package org.expoflow.commands.api.directive;
