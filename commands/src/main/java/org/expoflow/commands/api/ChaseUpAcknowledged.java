package org.expoflow.commands.api;

public record ChaseUpAcknowledged(String taskId, String directiveId, String unitId, String acknowledgedBy,
                                  String reply) implements OfDirective {
}
