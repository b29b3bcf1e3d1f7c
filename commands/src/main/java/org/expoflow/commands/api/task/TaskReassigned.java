package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

/** {@code unitId} stays the unit whose directive this is; {@code candidateGroup} is who does the step now. */
public record TaskReassigned(String taskId, String directiveId, String unitId, String previousCandidateGroup,
                             String candidateGroup, String reason) implements OfDirective {
}
