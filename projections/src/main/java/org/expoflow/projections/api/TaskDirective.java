package org.expoflow.projections.api;

/** The directive a step works on, in its expo, and the unit it was given to (the unit whose directive it is). */
public record TaskDirective(String expoId, String directiveId, String directiveTitle, String unitId) {
}
