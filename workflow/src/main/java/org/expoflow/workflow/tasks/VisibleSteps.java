package org.expoflow.workflow.tasks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.Figure;
import org.expoflow.projections.api.FindTaskSummary;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.engine.StepEngine;
import org.expoflow.workflow.engine.StepForm;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.kinds.DirectiveKindCatalogue;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which steps a person may see, and what a step asks for: the one place the visibility rule lives. A city's
 * clerk sees its own unit's steps, those handed to it and those it co-operates on; the office and leadership
 * see all. Whether a person may act on a step they see is the aggregate's rule ({@code TaskActingPolicy}).
 */
@Component
public class VisibleSteps {

    private final QueryGateway queries;
    private final DirectiveKindCatalogue kinds;
    private final StepEngine engine;
    private final Refusals refusals;

    public VisibleSteps(QueryGateway queries, DirectiveKindCatalogue kinds, StepEngine engine, Refusals refusals) {
        this.queries = queries;
        this.kinds = kinds;
        this.engine = engine;
        this.refusals = refusals;
    }

    /** The step as the lists show it, for an action or a reading: its history is not read. */
    public TaskSummary summary(ExpoFlowUser user, String taskId) {
        TaskSummary task = queries.query(new FindTaskSummary(taskId), TaskSummary.class).join();
        requireVisible(user, task);
        return task;
    }

    /** Refuses a step the person may not see, or one that does not exist. */
    public void requireVisible(ExpoFlowUser user, TaskSummary task) {
        if (task == null) {
            throw refusals.notFound("taskId", "noTask");
        }
        if (user.isCity() && !task.directive().unitId().equals(user.unitId()) && !task.candidateGroup().equals(user.unitId())
                && !task.cooperatingUnits().contains(user.unitId())) {
            throw new AccessDeniedException(refusals.text("taskOfAnotherUnit"));
        }
    }

    /**
     * Whether the person may act on a step they see (claim, report, complete): its unit's or a co-operating unit's
     * clerks on a unit's step, the office on its reviews, leadership on its own steps. The aggregate holds the rule
     * ({@code TaskActingPolicy}); the pages ask here so as to offer only the actions the reader may take.
     */
    public boolean mayAct(ExpoFlowUser user, TaskSummary task) {
        String group = user.role().groupFor(user.unitId());
        return task.candidateGroup().equals(group) || task.cooperatingUnits().contains(group);
    }

    /** The step's form, from the kind's version the task list keeps or, for a step recorded before, the engine's history. */
    Optional<StepForm> knownForm(TaskSummary task) {
        return processDefinitionOf(task).map(definition -> kinds.stepForm(definition, task.step().stepKey()));
    }

    StepForm form(TaskSummary task) {
        return knownForm(task).orElseThrow(() -> engineForgot(task));
    }

    /**
     * The form fields a step is shown with. A closed step recorded before its kind's version was kept in the task
     * list, whose engine history has since been cleaned up (a kind's history lives for its time to live), is shown
     * with its history and without its form rather than not at all.
     */
    List<StepForm.Field> fieldsToShow(TaskSummary task) {
        Optional<StepForm> form = knownForm(task);
        if (form.isEmpty() && task.isActive()) {
            throw engineForgot(task);
        }
        return form.map(StepForm::fields).orElse(List.of());
    }

    /** A unit may report any figure its directive's kind collects, on any of its steps. */
    void checkFiguresOfKind(TaskSummary task, Map<String, BigDecimal> figures) {
        if (figures.isEmpty()) {
            return;
        }
        DirectiveKind kind = kinds.kindOf(processDefinitionOf(task).orElseThrow(() -> engineForgot(task)));
        List<String> collected = kind.figures();
        figures.forEach((key, number) -> {
            if (!collected.contains(key)) {
                throw refusals.invalid("figures." + key, "figureNotCollected", figureName(key));
            }
            if (!Figure.isStorable(number)) {
                throw refusals.invalid("figures." + key, "figureTooLarge", figureName(key));
            }
            boolean whole = kind.steps().stream().flatMap(step -> step.fields().stream())
                    .anyMatch(field -> field.id().equals(key) && "long".equals(field.type()));
            if (whole && number.stripTrailingZeros().scale() > 0) {
                throw refusals.invalid("figures." + key, "wholeNumber", figureName(key));
            }
        });
    }

    String figureName(String key) {
        return refusals.word("figure." + key, key);
    }

    private Optional<String> processDefinitionOf(TaskSummary task) {
        String definition = task.step().processDefinitionId();
        return definition != null ? Optional.of(definition) : engine.processDefinitionOf(task.id());
    }

    static DomainRuleViolation engineForgot(TaskSummary task) {
        return DomainRuleViolation.notFound("taskId", "the engine has no record of task " + task.id()).coded("noLongerOpen");
    }
}
