package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

public record CooperatingUnitAdded(String taskId, String directiveId, String unitId, String cooperatingUnitId) implements OfDirective {
}
