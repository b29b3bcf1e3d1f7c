package org.expoflow.commands.api;

public record UnitFinishedDirective(String directiveId, String expoId, String unitId) implements OfDirective {
}
