package org.expoflow.projections.api;

import java.util.List;

/**
 * When each unit owes its next progress report on the open directives that want one every so often, of an expo
 * ({@code expoId}) or among some directives ({@code directiveIds}; either may be null, not both): answered with
 * {@link NextReports}, one item per unit and directive still open for it.
 */
public record FindNextReports(String expoId, List<String> directiveIds) {
}
