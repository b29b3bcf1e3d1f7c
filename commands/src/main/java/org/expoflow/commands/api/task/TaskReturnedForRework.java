package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

/** The unit's work came back from the coordinator's review with a comment; this task redoes it. */
public record TaskReturnedForRework(String taskId, String directiveId, String unitId, String comment) implements OfDirective {
}
