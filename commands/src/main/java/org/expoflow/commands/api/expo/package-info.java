/**
 * The messages of an expo: planned by the office, with the cities and departments enrolled in it.
 * <p>
 * Stored under their names in {@code org.expoflow.commands.api} ({@link org.expoflow.commands.storage.StoredMessageNames}):
 * rename no record and no field.
 */
package org.expoflow.commands.api.expo;
