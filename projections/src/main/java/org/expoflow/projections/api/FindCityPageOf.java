package org.expoflow.projections.api;

/**
 * Which page of a unit's directives (pages of {@code size}, the newest first, as {@link FindBoard} pages them) holds
 * {@code directiveId}: a board's cell opens its city's page at that directive. Answers 0 when the unit has no such
 * directive.
 */
public record FindCityPageOf(String expoId, String unitId, String directiveId, int size) {
}
