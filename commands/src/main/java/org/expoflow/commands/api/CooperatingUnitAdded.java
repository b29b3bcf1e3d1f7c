package org.expoflow.commands.api;

public record CooperatingUnitAdded(String taskId, String directiveId, String unitId, String cooperatingUnitId) implements OfDirective {
}
