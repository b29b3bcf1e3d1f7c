package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

/** {@code withdrawn}: the task closed because its directive was withdrawn. */
public record TaskCancelled(String taskId, String directiveId, String unitId, String reason, boolean withdrawn) implements OfDirective {
}
