package org.expoflow.workflow.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.expoflow.commands.api.DomainRuleViolation;

/**
 * The office's review sending a unit's work back for rework to a step the unit did, rather than along the model's
 * own return flow: which steps it may return to, and the return itself, made inside the completion's transaction
 * ({@link StepEngine#complete}). A step is one to return to when the unit did it in the review's process and its
 * flow reaches the review with no parallel join on the way.
 */
final class ReworkReturns {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;

    ReworkReturns(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
                  RepositoryService repositoryService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
    }

    /**
     * A review returns the work to a step the unit did, not along the model's own return flow: the step starts
     * again before the review is cancelled, and the listener records the review's cancellation as its completion
     * with the decision (a review ends the same way whichever step it returns to). The reason reaches the returned
     * step as a return by the model's flow gives it.
     */
    void returnTo(Task review, String stepKey, Map<String, Object> decision) {
        if (targets(review).stream().noneMatch(target -> target.stepKey().equals(stepKey))) {
            throw DomainRuleViolation.invalid("returnTo", "the unit did no step " + stepKey + " it can be returned to")
                    .coded("returnToNotDone", stepKey);
        }
        Map<String, Object> local = new HashMap<>(decision);
        local.put(DirectiveProcessVariables.RETURNED_TO, stepKey);
        taskService.setVariablesLocal(review.getId(), local);
        runtimeService.setVariable(review.getProcessInstanceId(), DirectiveProcessVariables.PENDING_REWORK_COMMENT,
                decision.getOrDefault(StepForm.COMMENT, ""));
        String reviewInstance = runtimeService.getActivityInstance(review.getProcessInstanceId())
                .getActivityInstances(review.getTaskDefinitionKey())[0].getId();
        runtimeService.createProcessInstanceModification(review.getProcessInstanceId())
                .startBeforeActivity(stepKey)
                .cancelActivityInstance(reviewInstance)
                .execute();
    }

    /**
     * The steps a review may return the work to: the unit's steps done in the review's process that lead to the
     * review without a parallel join on the way (returned into one branch of a split, the join would wait for
     * ever), in the order they were first done.
     */
    List<StepEngine.ReturnTarget> targets(Task review) {
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(review.getProcessDefinitionId());
        Map<String, StepEngine.ReturnTarget> targets = new LinkedHashMap<>();
        historyService.createHistoricTaskInstanceQuery().processInstanceId(review.getProcessInstanceId()).finished()
                .orderByHistoricActivityInstanceStartTime().asc().list().forEach(done -> {
                    if (!targets.containsKey(done.getTaskDefinitionKey()) && model.getModelElementById(done.getTaskDefinitionKey())
                            instanceof UserTask step && isUnitStep(step) && leadsTo(step, review.getTaskDefinitionKey())) {
                        targets.put(step.getId(), new StepEngine.ReturnTarget(step.getId(), step.getName()));
                    }
                });
        return List.copyOf(targets.values());
    }

    private static boolean isUnitStep(UserTask step) {
        String groups = step.getCamundaCandidateGroups();
        return groups != null && groups.contains(DirectiveProcessVariables.UNIT_ID);
    }

    /** Whether the flow from {@code step} reaches the step {@code reviewKey} with no parallel gateway on the way. */
    private static boolean leadsTo(FlowNode step, String reviewKey) {
        Deque<FlowNode> next = new ArrayDeque<>(List.of(step));
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty()) {
            FlowNode node = next.pop();
            if (!seen.add(node.getId()) || node instanceof ParallelGateway) {
                continue;
            }
            if (node.getId().equals(reviewKey)) {
                return true;
            }
            node.getOutgoing().forEach(flow -> next.push(flow.getTarget()));
        }
        return false;
    }
}
