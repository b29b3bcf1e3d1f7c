package org.expoflow.workflow.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.api.FindDirectiveTargets;
import org.expoflow.projections.api.FindTask;
import org.expoflow.projections.api.AwaitingOffice;
import org.expoflow.projections.api.FindAwaitingOffice;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.TaskDetail;
import org.expoflow.projections.api.TaskHistoryEntry;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.engine.StepForm;
import org.expoflow.workflow.exports.ListExports;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Reading steps, for everyone who may see them: the lists (a city's clerk its own unit's only), one step with
 * its form and history, the work a unit submitted as the office reviews it, and a step's comments.
 */
@Service
public class StepReadings {

    private static final int EXPORT_PAGE = 500;
    private static final Pattern SORT_KEYS = Pattern.compile("-?(dueAt|assignedAt|unitId|status)");

    private final QueryGateway queries;
    private final VisibleSteps visible;
    private final StepFiles files;
    private final KindTexts texts;
    private final Refusals refusals;

    public StepReadings(QueryGateway queries, VisibleSteps visible, StepFiles files, KindTexts texts, Refusals refusals) {
        this.queries = queries;
        this.visible = visible;
        this.files = files;
        this.texts = texts;
        this.refusals = refusals;
    }

    /** A task with what its step asks for. */
    public record TaskView(@JsonUnwrapped TaskSummary summary, String instructions, String latestNote,
                           String latestProblems, String latestSuggestions, String decision, String decisionComment,
                           List<StepForm.Field> formFields, List<TaskHistoryEntry> history) {
    }

    /** A form value with its field's label, as the step's form names it. */
    public record LabelledValue(String label, String value) {
    }

    /**
     * What a unit did on one of its steps, as the office reviews it: the values it completed the step with, its
     * figures, its latest progress report and the files it attached.
     */
    public record SubmittedStep(String taskId, String stepKey, String stepName, TaskStatus status, Instant closedAt, int percent,
                                List<LabelledValue> values, Map<String, BigDecimal> figures, String latestNote,
                                String latestProblems, String latestSuggestions, List<StepFiles.AttachmentView> attachments,
                                int submissions) {
    }

    /** One comment of a step's thread, as it was written. */
    public record Comment(Instant at, String author, String text, boolean instruction) {
    }

    /** Tasks as the lists show them; a city user sees only its own unit's. */
    public TaskPage list(ExpoFlowUser user, String expoId, String unitId, String status, String directiveId,
                         Boolean overdue, int page, int size, String sort) {
        if (user.isCity()) {
            if (unitId != null && !unitId.equals(user.unitId())) {
                throw new AccessDeniedException(refusals.text("listOfAnotherUnit"));
            }
            unitId = user.unitId();
        }
        if (status != null && !status.equals("ACTIVE")) {
            try {
                TaskStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw DomainRuleViolation.invalid("status", "status is one of ACTIVE, OPEN, CLAIMED, COMPLETED, CANCELLED, WITHDRAWN")
                        .coded("taskStatusUnknown", status);
            }
        }
        if (sort != null && !SORT_KEYS.matcher(sort).matches()) {
            throw DomainRuleViolation.invalid("sort", "sort by dueAt, assignedAt, unitId or status, with a leading - for descending")
                    .coded("taskSort", sort);
        }
        return queries.query(new FindTasks(expoId, unitId, status, directiveId, overdue, page, size, sort), TaskPage.class).join();
    }

    /** What waits for the office's decision on an expo, all of it: the reviews of the units' work, the extension requests. */
    public AwaitingOffice awaitingOffice(String expoId) {
        return queries.query(new FindAwaitingOffice(expoId), AwaitingOffice.class).join();
    }

    /** Every row the list's filters give, not one page of them, up to what a spreadsheet is made of. */
    public List<TaskSummary> everyRow(ExpoFlowUser user, String expoId, String unitId, String status, String directiveId,
                                      Boolean overdue, String sort) {
        List<TaskSummary> rows = new ArrayList<>();
        for (int page = 0; rows.size() < ListExports.MOST_ROWS; page++) {
            TaskPage answer = list(user, expoId, unitId, status, directiveId, overdue, page, EXPORT_PAGE, sort);
            rows.addAll(answer.items());
            if (answer.items().size() < EXPORT_PAGE) {
                break;
            }
        }
        return rows.size() > ListExports.MOST_ROWS ? rows.subList(0, ListExports.MOST_ROWS) : rows;
    }

    /** A task with its form fields and its history. */
    public TaskView view(ExpoFlowUser user, String taskId) {
        TaskDetail detail = queries.query(new FindTask(taskId), TaskDetail.class).join();
        visible.requireVisible(user, detail == null ? null : detail.summary());
        TaskSummary summary = detail.summary();
        return new TaskView(summary, detail.instructions(), detail.latestNote(), detail.latestProblems(),
                detail.latestSuggestions(), detail.decision(), detail.decisionComment(), visible.fieldsToShow(summary),
                detail.history());
    }

    /**
     * For the office's review of a unit's work, what the unit submitted: each of its own steps on the directive
     * (not the reviews, not the chase-ups), oldest first, once each: its latest run, with the values, figures and
     * reports it was last submitted with and the files of all its runs (a step returned for rework keeps the
     * evidence sent before); nothing for a unit's own step.
     */
    public List<SubmittedStep> submittedWork(ExpoFlowUser user, String taskId) {
        TaskSummary review = visible.summary(user, taskId);
        if (!review.isOfficeStep()) {
            return List.of();
        }
        String unitId = review.directive().unitId();
        List<TaskSummary> steps = queries.query(new FindTasks(null, unitId, null, review.directive().directiveId(), null, 0,
                200, "assignedAt"), TaskPage.class).join().items().stream()
                .filter(step -> !step.isOfficeStep() && step.supervisedTaskId() == null && step.directive().unitId().equals(unitId))
                .toList();
        Map<String, TaskSummary> latestRuns = new java.util.LinkedHashMap<>();
        Map<String, Integer> runs = new HashMap<>();
        steps.forEach(step -> {
            latestRuns.put(step.step().stepKey(), step);
            runs.merge(step.step().stepKey(), 1, Integer::sum);
        });
        return latestRuns.values().stream().map(step -> {
            TaskDetail detail = queries.query(new FindTask(step.id()), TaskDetail.class).join();
            Map<String, String> labels = new HashMap<>();
            visible.fieldsToShow(step).forEach(field -> labels.put(field.id(),
                    texts.field(step.step().kind(), field.id(), field.label())));
            List<LabelledValue> values = new ArrayList<>();
            Map<String, BigDecimal> figures = step.progress().figures();
            completedValues(detail).forEach((id, value) -> values.add(new LabelledValue(labels.getOrDefault(id, id), value)));
            return new SubmittedStep(step.id(), step.step().stepKey(), step.step().stepName(), step.status(), step.closedAt(),
                    step.progress().percent(), values,
                    figures, detail.latestNote(), detail.latestProblems(), detail.latestSuggestions(),
                    files.evidenceOf(step), runs.get(step.step().stepKey()));
        }).toList();
    }

    /** The target the directive set each of its units, by figure: what a unit's figures are read against. */
    public Map<String, BigDecimal> targets(ExpoFlowUser user, String taskId) {
        TaskSummary step = visible.summary(user, taskId);
        return queries.query(new FindDirectiveTargets(step.directive().directiveId()), FindDirectiveTargets.Targets.class).join()
                .byFigure();
    }

    /** The values a step was last completed with, by field id. */
    private static Map<String, String> completedValues(TaskDetail detail) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        detail.history().stream().filter(entry -> entry.type().equals("TaskCompleted")).reduce((first, last) -> last)
                .map(completed -> completed.details().get("values"))
                .filter(Map.class::isInstance).map(Map.class::cast)
                .ifPresent(completed -> completed.forEach((id, value) -> values.put(String.valueOf(id), String.valueOf(value))));
        return values;
    }

    /**
     * What the unit last submitted on this step before it was returned: its values and figures (its files stay the
     * returned step's evidence, {@link StepFiles#attachments}).
     */
    public record LastSubmission(String taskId, Map<String, String> values, Map<String, BigDecimal> figures) {
    }

    /**
     * For a step done again after a return (the step returned to, and each after it that the unit redoes), the
     * unit's last completion of the same step in the same directive, so the form opens filled in; none for a step
     * done the first time.
     */
    public java.util.Optional<LastSubmission> lastSubmission(ExpoFlowUser user, String taskId) {
        TaskSummary step = visible.summary(user, taskId);
        if (step.isOfficeStep() || step.supervisedTaskId() != null) {
            return java.util.Optional.empty();
        }
        return queries.query(new FindTasks(null, step.directive().unitId(), TaskStatus.COMPLETED.name(),
                        step.directive().directiveId(), null, 0, 200, "-dueAt"), TaskPage.class).join().items().stream()
                .filter(done -> done.step().stepKey().equals(step.step().stepKey()) && !done.id().equals(taskId)
                        && done.closedAt() != null)
                .max(java.util.Comparator.comparing(TaskSummary::closedAt))
                .map(done -> new LastSubmission(done.id(),
                        completedValues(queries.query(new FindTask(done.id()), TaskDetail.class).join()),
                        done.progress().figures()));
    }

    /** A step's comments and instructions, oldest first. */
    public List<Comment> comments(ExpoFlowUser user, String taskId) {
        visible.summary(user, taskId);
        return commentsIn(queries.query(new FindTask(taskId), TaskDetail.class).join().history());
    }

    /** The comments and instructions among a step's history: a page that has read the history reads them there. */
    public static List<Comment> commentsIn(List<TaskHistoryEntry> history) {
        return history.stream().filter(entry -> entry.type().equals("TaskCommented"))
                .map(entry -> new Comment(entry.at(), String.valueOf(entry.details().get("author")),
                        String.valueOf(entry.details().get("text")), Boolean.TRUE.equals(entry.details().get("instruction"))))
                .toList();
    }
}
