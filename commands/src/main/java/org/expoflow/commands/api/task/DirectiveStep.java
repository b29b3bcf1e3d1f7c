package org.expoflow.commands.api.task;

/**
 * Which step of which unit's process a task is: the expo and directive it serves, the unit whose process it runs
 * in, that process and the version of the kind it runs on (whose form the step shows), and the step's element id
 * and name in the kind's model.
 */
public record DirectiveStep(String expoId, String directiveId, String unitId, String processInstanceId,
                            String processDefinitionId, String stepKey, String stepName) {
}
