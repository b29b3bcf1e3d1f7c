package org.expoflow.workflow.engine;

import static org.expoflow.workflow.engine.DirectiveProcessVariables.COOPERATING_UNITS;
import static org.expoflow.workflow.engine.DirectiveProcessVariables.DIRECTIVE_ID;
import static org.expoflow.workflow.engine.DirectiveProcessVariables.DUE_AT;
import static org.expoflow.workflow.engine.DirectiveProcessVariables.EXPO_ID;
import static org.expoflow.workflow.engine.DirectiveProcessVariables.PENDING_REWORK_COMMENT;
import static org.expoflow.workflow.engine.DirectiveProcessVariables.RETURNED_TO;
import static org.expoflow.workflow.engine.DirectiveProcessVariables.UNIT_ID;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.expoflow.commands.api.task.AssignTask;
import org.expoflow.commands.api.task.DirectiveStep;
import org.expoflow.commands.api.task.StepDemands;
import org.expoflow.commands.api.task.CancelTask;
import org.expoflow.commands.api.task.ClaimTask;
import org.expoflow.commands.api.task.CompleteTask;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.Figure;
import org.expoflow.commands.api.task.ReviewDecision;
import org.expoflow.commands.api.task.UnclaimTask;

/**
 * The one translator of user-task changes into commands, attached to every user task of every
 * directive kind by {@link DirectiveBridgeParseListener}: created becomes {@link AssignTask}, assigned
 * {@link ClaimTask} or {@link UnclaimTask}, completed {@link CompleteTask}, deleted {@link CancelTask}.
 * It runs inside the engine's command, so the events are stored in the engine's transaction, and an
 * exception from an aggregate fails the engine call with nothing changed.
 * <p>
 * A completed task's figures are the figure fields of its step's form, plus any known figure set as a
 * variable of the task itself: a unit may report a figure of its directive on any of its steps.
 */
class TaskLifecycleListener implements TaskListener {

    private final ActingContext acting;
    private final DeadlineSupervision supervision;
    private final StepForms forms;

    TaskLifecycleListener(ActingContext acting, DeadlineSupervision supervision, StepForms forms) {
        this.acting = acting;
        this.supervision = supervision;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> assigned(task);
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() == null) {
                    acting.send(new UnclaimTask(task.getId(), acting.currentActor()));
                } else {
                    acting.send(new ClaimTask(task.getId(), acting.currentActor(), task.getAssignee()));
                }
            }
            case EVENTNAME_COMPLETE -> {
                completed(task);
                stopWatching(task, "step completed");
            }
            case EVENTNAME_DELETE -> {
                if (task.hasVariableLocal(RETURNED_TO)) {
                    // a review that returned the work to a chosen step: it was decided, not removed
                    completed(task);
                    stopWatching(task, "step completed");
                    return;
                }
                String reason = task.getDeleteReason() == null ? "removed by the engine" : task.getDeleteReason();
                String withdrawal = DirectiveProcessVariables.withdrawalReason(reason);
                acting.send(new CancelTask(task.getId(), withdrawal != null ? withdrawal : reason, withdrawal != null));
                stopWatching(task, reason);
            }
            default -> { }
        }
    }

    private void assigned(DelegateTask task) {
        // a new task has no variables of its own: reading the execution's spares the query for the task's (all empty)
        String unitId = (String) task.getExecution().getVariable(UNIT_ID);
        String candidateGroup = candidateGroup(task);
        String returnComment = null;
        if (candidateGroup.equals(unitId) && task.getExecution().hasVariable(PENDING_REWORK_COMMENT)) {
            returnComment = (String) task.getExecution().getVariable(PENDING_REWORK_COMMENT);
            task.getExecution().removeVariable(PENDING_REWORK_COMMENT);
        }
        if (DeadlineSupervision.CHASE_UP_STEP.equals(task.getTaskDefinitionKey()) && isWatchStep(task)) {
            // the office chases up afresh after a reminder: a grade left out this time is a 督办, not the reminder's again
            task.getExecution().removeVariable(DeadlineSupervision.GRADE);
        }
        UserTask step = task.getBpmnModelElementInstance();
        StepForm form = forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), () -> step);
        Instant dueAt = dueAt(task, step);
        if (dueAt != null && (task.getDueDate() == null || !task.getDueDate().toInstant().equals(dueAt))) {
            task.setDueDate(Date.from(dueAt));
        }
        String expoId = (String) task.getExecution().getVariable(EXPO_ID);
        String directiveId = (String) task.getExecution().getVariable(DIRECTIVE_ID);
        List<String> cooperating = List.of();
        if (candidateGroup.equals(unitId) && !isWatchStep(task) && task.getExecution().getVariable(COOPERATING_UNITS) instanceof String units) {
            cooperating = List.of(units.split(","));
            cooperating.forEach(task::addCandidateGroup);
        }
        DirectiveStep directiveStep = new DirectiveStep(expoId, directiveId, unitId, task.getProcessInstanceId(),
                task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getName());
        StepDemands demands = new StepDemands(Set.copyOf(form.requiredFigures()),
                StepProperties.of(step, StepProperties.ATTACHMENTS) != null, kindFigures(task).keySet());
        acting.send(new AssignTask(task.getId(), directiveStep, candidateGroup, dueAt, demands, cooperating,
                (String) task.getExecution().getVariable(DeadlineSupervision.SUPERVISED_TASK_ID), returnComment));
        if (dueAt != null && candidateGroup.equals(unitId) && !isWatchStep(task)) {
            supervision.watch(task.getProcessEngineServices().getRuntimeService(),
                    new DeadlineSupervision.WatchedStep(task.getId(), dueAt, DeadlineSupervision.kindOf(step)));
        }
    }

    /** A chase-up's own steps are not watched in turn. */
    private static boolean isWatchStep(DelegateTask task) {
        return task.getExecution().hasVariable(DeadlineSupervision.SUPERVISED_TASK_ID);
    }

    private void stopWatching(DelegateTask task, String reason) {
        if (task.getDueDate() != null && !isWatchStep(task)) {
            supervision.closed(task.getProcessEngineServices().getRuntimeService(), task.getId(), task.getDueDate().toInstant(),
                    DeadlineSupervision.kindOf(task.getBpmnModelElementInstance()), reason);
        }
    }

    private void completed(DelegateTask task) {
        StepForm form = forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task::getBpmnModelElementInstance);
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> given = new LinkedHashMap<>();
        for (StepForm.Field field : form.fields()) {
            Object value = task.getVariable(field.id());
            if (value == null) {
                continue;
            }
            given.put(field.id(), value);
            if (field.isFigure()) {
                figures.put(field.id(), figure(field.id(), value));
            } else {
                values.put(field.id(), value.toString());
            }
        }
        checkFormLimits(form, given);
        // a figure the step's form does not ask for, reported on the task itself (a task-local variable)
        task.getVariablesLocal().forEach((name, value) -> {
            if (value != null && kindFigures(task).containsKey(name) && !figures.containsKey(name)) {
                figures.put(name, figure(name, value));
            }
        });
        ReviewDecision decision = null;
        String comment = null;
        if (form.isReview()) {
            String chosen = values.get(StepForm.DECISION);
            if (chosen == null) {
                throw DomainRuleViolation.invalid(StepForm.DECISION, "a review step is completed with APPROVE or RETURN")
                        .coded("decisionMissing");
            }
            try {
                decision = ReviewDecision.valueOf(chosen);
            } catch (IllegalArgumentException e) {
                throw DomainRuleViolation.invalid(StepForm.DECISION, "decision is APPROVE or RETURN, not " + chosen)
                        .coded("decisionUnknown", chosen);
            }
            comment = values.get(StepForm.COMMENT);
            if (decision == ReviewDecision.RETURN && !task.hasVariableLocal(RETURNED_TO)) {
                task.getExecution().setVariable(PENDING_REWORK_COMMENT, comment == null ? "" : comment);
            }
        }
        acting.send(new CompleteTask(task.getId(), acting.currentActor(), values, figures, decision, comment));
    }

    /**
     * The form's limits (lengths, bounds) hold however the step was completed: the engine checks them on a form
     * submitted, not on a completion with variables, which its REST API also offers.
     */
    private static void checkFormLimits(StepForm form, Map<String, Object> given) {
        DomainRuleViolation refused = null;
        for (StepForm.Fault fault : form.faultsOf(given, fieldId -> true)) {
            String label = form.field(fault.fieldId()).map(StepForm.Field::label).orElse(fault.fieldId());
            DomainRuleViolation one = DomainRuleViolation.invalid(fault.fieldId(), "the form's field " + fault.fieldId()
                    + " breaks its rule " + fault.rule() + (fault.config() == null ? "" : " " + fault.config()))
                    .coded("formField." + fault.rule(), label, fault.config());
            refused = refused == null ? one : refused.and(one);
        }
        if (refused != null) {
            throw refused;
        }
    }

    private Map<String, Figure> kindFigures(DelegateTask task) {
        return forms.kindFigures(task.getProcessDefinitionId(), task::getBpmnModelInstance);
    }

    private static BigDecimal figure(String key, Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw DomainRuleViolation.invalid("figures." + key, "figure '" + key + "' must be a number, not '" + value + "'")
                    .coded("figureNotANumber", key, String.valueOf(value));
        }
    }

    /** The unit id for a city step, {@code coordinator} or {@code leader} for the office's steps. */
    private static String candidateGroup(DelegateTask task) {
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        if (groups.isEmpty()) {
            throw new IllegalStateException("step " + task.getTaskDefinitionKey()
                    + " names no candidate group: write camunda:candidateGroups=\"${unitId}\" or \"coordinator\"");
        }
        return groups.iterator().next();
    }

    /** The step's deadline, to the second: timers and the task record the same instant. */
    private static Instant dueAt(DelegateTask task, UserTask step) {
        Object directiveDueAt = task.getExecution().getVariable(DUE_AT);
        Instant directive = directiveDueAt instanceof Date date ? date.toInstant()
                : directiveDueAt == null ? null : Instant.parse(directiveDueAt.toString());
        Instant due = StepDeadline.of(step, directive, task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                ClockUtil.getCurrentTime().toInstant());
        return due == null ? null : due.truncatedTo(ChronoUnit.SECONDS);
    }
}
