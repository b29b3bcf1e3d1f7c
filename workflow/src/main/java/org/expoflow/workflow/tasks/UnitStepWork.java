package org.expoflow.workflow.tasks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.task.CommentOnTask;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.ReportProgress;
import org.expoflow.commands.api.task.ReviewDecision;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.engine.FormAnswers;
import org.expoflow.workflow.engine.StepEngine;
import org.expoflow.workflow.engine.StepForm;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The work of whoever does a step: a clerk of its unit (or of a co-operating unit) takes it, reports progress
 * with figures as often as useful, comments, and completes it with the values its form asks for; on a review
 * step the office completes it with a decision, approving the work or returning it. Each use case checks the
 * request's rules once ({@link RequestRules}), makes its change in one transaction through {@link StepEngine},
 * and answers once the read models show it, so the next read anywhere sees it.
 */
@Service
public class UnitStepWork {

    private static final List<String> NAMED_RULES = List.of("required", "min", "max", "minlength", "maxlength", "readonly");

    private final VisibleSteps visible;
    private final StepEngine engine;
    private final ActingContext acting;
    private final RequestRules rules;
    private final KindTexts texts;
    private final Refusals refusals;

    public UnitStepWork(VisibleSteps visible, StepEngine engine, ActingContext acting,
                        RequestRules rules, KindTexts texts, Refusals refusals) {
        this.visible = visible;
        this.engine = engine;
        this.acting = acting;
        this.rules = rules;
        this.texts = texts;
        this.refusals = refusals;
    }

    public record ProgressRequest(@NotNull @Min(0) @Max(100) Integer percent, @Size(max = 4000) String note,
                                  @Size(max = 4000) String problems, @Size(max = 4000) String suggestions,
                                  Map<String, @NotNull @PositiveOrZero BigDecimal> figures) {
    }

    /**
     * A step's form answered; on a review, its decision with a comment (the reason, required to return) and, to
     * return the work to a step other than the kind's own, {@code returnTo}: the key of a step the unit did.
     */
    public record CompleteRequest(Map<String, @Size(max = 4000) String> values,
                                  Map<String, @NotNull @PositiveOrZero BigDecimal> figures,
                                  ReviewDecision decision, @Size(max = 2000) String comment, @Size(max = 200) String returnTo) {

        public CompleteRequest(Map<String, String> values, Map<String, BigDecimal> figures, ReviewDecision decision,
                               String comment) {
            this(values, figures, decision, comment, null);
        }
    }

    /** A comment on a step; with {@code instruction}, a leader's instruction (批示). */
    public record CommentRequest(@NotBlank @Size(max = 2000) String text, boolean instruction) implements RequestRules.Worded {

        @Override
        public String thing() {
            return instruction ? "instruction" : "comment";
        }
    }

    public void claim(ExpoFlowUser user, String taskId) {
        visible.summary(user, taskId);
        engine.claim(taskId, user.getUsername());
    }

    public void unclaim(ExpoFlowUser user, String taskId) {
        visible.summary(user, taskId);
        engine.release(taskId);
    }

    /** A progress report changes no process state: it goes straight to the task. */
    public void reportProgress(ExpoFlowUser user, String taskId, ProgressRequest request) {
        rules.check(request);
        TaskSummary task = visible.summary(user, taskId);
        Map<String, BigDecimal> figures = request.figures() == null ? Map.of() : request.figures();
        visible.checkFiguresOfKind(task, figures);
        acting.send(new ReportProgress(taskId, acting.currentActor(), request.percent(), request.note(), request.problems(),
                request.suggestions(), figures));
    }

    /** Adds to a step's comment thread: those who see the step may write; a leader may instruct. */
    public void comment(ExpoFlowUser user, String taskId, CommentRequest request) {
        rules.check(request);
        visible.summary(user, taskId);
        acting.send(new CommentOnTask(taskId, acting.currentActor(), request.text(), request.instruction()));
    }

    /**
     * The step's form submitted: values to its fields, figures to theirs (or, when the step has no field for a
     * figure the kind collects, to the task); a review step takes a decision and comment. The step is read in the
     * engine's transaction, not one of its own before it.
     */
    public void complete(ExpoFlowUser user, String taskId, CompleteRequest request) {
        rules.check(request);
        if (request.decision() == ReviewDecision.RETURN && (request.comment() == null || request.comment().isBlank())) {
            throw refusals.invalid(StepForm.COMMENT, "returnReasonMissing");
        }
        if (request.returnTo() != null && request.decision() != ReviewDecision.RETURN) {
            throw refusals.invalid("returnTo", "returnToWithoutReturn");
        }
        // what was answered, kept for naming the fields at fault once the transaction has rolled back
        FormAnswers[] answered = new FormAnswers[1];
        TaskSummary[] read = new TaskSummary[1];
        try {
            engine.complete(taskId, () -> {
                read[0] = visible.summary(user, taskId);
                answered[0] = answers(read[0], request);
                return answered[0];
            });
        } catch (StepEngine.StepGone gone) {
            // the task was open when read a moment ago: another click completed it in between
            throw refusals.conflict("completedMeanwhile");
        } catch (StepEngine.FieldRefused refused) {
            throw namingTheFields(refused, read[0], answered[0]);
        }
    }

    /** The steps of the unit a review may return the work to, in the order they were done: none for a step no review. */
    public List<StepEngine.ReturnTarget> returnTargets(ExpoFlowUser user, String taskId) {
        TaskSummary task = visible.summary(user, taskId);
        return task.isOfficeStep() && task.isActive() ? engine.returnTargets(taskId) : List.of();
    }

    private FormAnswers answers(TaskSummary task, CompleteRequest request) {
        if (task.status() != TaskStatus.OPEN && task.status() != TaskStatus.CLAIMED) {
            throw refusals.conflict("taskClosed", refusals.word("status." + task.status().name(), task.status().name()));
        }
        Map<String, BigDecimal> figures = request.figures() == null ? Map.of() : request.figures();
        visible.checkFiguresOfKind(task, figures);
        return new FormAnswers(visible.form(task), request.values() == null ? Map.of() : request.values(),
                figures, request.decision(), request.comment(), request.returnTo());
    }

    /**
     * The engine's form validation names the first field it refused; our answer names every field at fault, so
     * the clerk mends them all at once: to the API by their ids, to people by their labels with the rule in words.
     * Only a refused submission pays for looking at the others (and at the values the step already holds).
     */
    private DomainRuleViolation namingTheFields(StepEngine.FieldRefused refused, TaskSummary task, FormAnswers answers) {
        StepForm form = answers.form();
        Map<String, Object> submitted = refused.submitted();
        DomainRuleViolation all = fieldRefusal(task, form, refused.fieldId(), refused.rule(), refused.config());
        boolean leftOutRequired = form.fields().stream().anyMatch(field -> field.required() && submitted.get(field.id()) == null);
        Map<String, Object> held = leftOutRequired ? engine.heldValues(task.id()) : Map.of();
        for (StepForm.Fault fault : form.faultsOf(submitted, fieldId -> held.get(fieldId) != null)) {
            if (!fault.fieldId().equals(refused.fieldId())) {
                all = all.and(fieldRefusal(task, form, fault.fieldId(), fault.rule(), fault.config()));
            }
        }
        return all;
    }

    private DomainRuleViolation fieldRefusal(TaskSummary task, StepForm form, String fieldId, String rule, Object config) {
        String label = form.field(fieldId).map(field -> texts.field(task.step().kind(), field.id(), field.label())).orElse(fieldId);
        // a limit as a number, so that it reads as people write it ("4,000")
        Object limit = config instanceof String text && text.strip().matches("\\d{1,15}") ? Long.valueOf(text.strip()) : config;
        String sentence = NAMED_RULES.contains(rule) ? refusals.text("formField." + rule, label, limit)
                : refusals.text("formField.other", label, rule);
        return DomainRuleViolation.invalid(fieldId, sentence);
    }
}
