package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

public record ChaseUpAcknowledged(String taskId, String directiveId, String unitId, String acknowledgedBy,
                                  String reply) implements OfDirective {
}
