package org.expoflow.workflow.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.commands.api.task.ReviewDecision;
import org.expoflow.projections.api.FindDirectiveComments;
import org.expoflow.workflow.directives.DirectiveWork;
import org.expoflow.workflow.engine.DeadlineSupervision;
import org.expoflow.workflow.engine.StepForm;
import org.expoflow.workflow.home.HomePages;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.security.UserDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The page of one step, reached from the task list ({@link TaskListPages}): what the step asks for as a form (checked
 * in the browser and again by the same rules as the API), a progress report, attachments, comments on the step and on
 * its directive, and the step's history as a timeline. A refused form comes back with its values as typed and each
 * fault at its field.
 */
@Controller
@PageDoor
class TaskPages {

    private final StepReadings readings;
    private final VisibleSteps visible;
    private final StepFiles files;
    private final UnitStepWork stepWork;
    private final UserDirectory people;
    private final PageErrors pageErrors;
    private final DirectiveWork directives;
    private final TaskGlances glances;

    TaskPages(StepReadings readings, VisibleSteps visible, StepFiles files, UnitStepWork stepWork, UserDirectory people,
              PageErrors pageErrors, DirectiveWork directives, TaskGlances glances) {
        this.readings = readings;
        this.visible = visible;
        this.files = files;
        this.stepWork = stepWork;
        this.people = people;
        this.pageErrors = pageErrors;
        this.directives = directives;
        this.glances = glances;
    }

    @GetMapping("/tasks/{taskId}")
    @SuppressWarnings("unchecked")
    String task(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId, Model model) {
        StepReadings.TaskView task = readings.view(user, taskId);
        model.addAttribute("task", task);
        model.addAttribute("summary", task.summary());
        model.addAttribute("glance", glances.of(user, task.summary()));
        boolean review = task.formFields().stream().anyMatch(field -> field.id().equals(StepForm.DECISION));
        model.addAttribute("review", review);
        model.addAttribute("submitted", review ? readings.submittedWork(user, taskId) : List.of());
        model.addAttribute("targets", review ? readings.targets(user, taskId) : Map.of());
        model.addAttribute("open", task.summary().isActive());
        // the unit's reply to a 督办 or 通报 says first what the office asked of it
        model.addAttribute("chaseUp", task.summary().supervisedTaskId() == null || task.summary().isOfficeStep() ? null
                : visible.summary(user, task.summary().supervisedTaskId()).chaseUp());
        model.addAttribute("attachments", files.attachments(user, taskId));
        List<StepReadings.Comment> comments = StepReadings.commentsIn(task.history());
        model.addAttribute("comments", comments);
        model.addAttribute("instructions", comments.stream().filter(StepReadings.Comment::instruction).toList());
        List<FindDirectiveComments.DirectiveComment> onDirective = directives.thread(user, task.summary().directive().directiveId()).comments();
        model.addAttribute("directiveComments", onDirective);
        model.addAttribute("directiveInstructions", onDirective.stream().filter(FindDirectiveComments.DirectiveComment::instruction)
                .toList());
        model.addAttribute("people", people.displayNames());
        model.addAttribute("leader", user.role() == Role.LEADER);
        boolean mayAct = visible.mayAct(user, task.summary());
        model.addAttribute("mayAct", mayAct);
        model.addAttribute("returnTargets", review && mayAct ? stepWork.returnTargets(user, taskId) : List.of());
        Optional<StepReadings.LastSubmission> last = mayAct && !review && task.summary().isActive()
                ? readings.lastSubmission(user, taskId) : Optional.empty();
        model.addAttribute("lastSubmission", last.orElse(null));
        fillIn(model, last);
        if (DeadlineSupervision.CHASE_UP_STEP.equals(task.summary().step().stepKey())) {
            // a chase-up is a 督办 unless the office chooses another grade
            ((Map<String, String>) model.getAttribute("completeValues"))
                    .putIfAbsent("value." + DeadlineSupervision.GRADE, ChaseUpGrade.DEFAULT.name());
        }
        model.addAttribute("clerk", user.isCity());
        model.addAttribute("office", user.role() == Role.COORDINATOR);
        return "task";
    }

    /**
     * What the step's forms show: a refused form its values as typed and each fault at its field; the form of a
     * step done again after a return, the unit's last submission.
     */
    @SuppressWarnings("unchecked")
    private static void fillIn(Model model, Optional<StepReadings.LastSubmission> last) {
        Map<String, String> complete = new LinkedHashMap<>();
        last.ifPresent(submission -> {
            submission.values().forEach((id, value) -> complete.put("value." + id, value));
            submission.figures().forEach((key, number) -> complete.put("figure." + key, number.stripTrailingZeros().toPlainString()));
        });
        Map<String, String> progress = new LinkedHashMap<>();
        Object typed = model.getAttribute(TYPED);
        boolean progressTyped = PROGRESS_FORM.equals(model.getAttribute(TYPED_FORM));
        if (typed instanceof Map<?, ?> values) {
            (progressTyped ? progress : complete).putAll((Map<String, String>) values);
        }
        Map<String, String> faults = new LinkedHashMap<>();
        if (model.getAttribute(PageErrors.ERRORS) instanceof Map<?, ?> errors) {
            errors.forEach((field, sentence) -> faults.putIfAbsent(String.valueOf(field)
                    .replaceFirst("^(values|figures)[.\\[]", "").replace("]", ""), String.valueOf(sentence)));
        }
        model.addAttribute("completeValues", complete);
        model.addAttribute("progressValues", progress);
        model.addAttribute("completeFaults", progressTyped ? Map.of() : faults);
        model.addAttribute("progressFaults", progressTyped ? faults : Map.of());
    }

    private static final String TYPED = "typed";
    private static final String TYPED_FORM = "typedForm";
    private static final String PROGRESS_FORM = "progress";

    /** A refused form's values as typed, for the page it comes back to. */
    private static void keepTyped(HttpServletRequest request, String form, RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && values.length > 0) {
                typed.put(name, values[0]);
            }
        });
        redirect.addFlashAttribute(TYPED, typed);
        redirect.addFlashAttribute(TYPED_FORM, form);
    }

    @PostMapping("/tasks/{taskId}/comments")
    String comment(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                   @RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean instruction,
                   RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> stepWork.comment(user, taskId, new UnitStepWork.CommentRequest(text, instruction)))) {
            redirect.addFlashAttribute(PageErrors.DONE, "commented");
        }
        return "redirect:/tasks/" + taskId + "#comments";
    }

    /** A comment on the whole directive the step belongs to (a leader's may be an instruction to all its units). */
    @PostMapping("/tasks/{taskId}/directive-comments")
    String commentOnDirective(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                              @RequestParam(required = false) String text,
                              @RequestParam(defaultValue = "false") boolean instruction, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> directives.comment(user, readings.view(user, taskId).summary().directive().directiveId(),
                new DirectiveWork.DirectiveCommentRequest(text, instruction)))) {
            redirect.addFlashAttribute(PageErrors.DONE, "commented");
        }
        return "redirect:/tasks/" + taskId + "#directiveComments";
    }

    @PostMapping("/tasks/{taskId}/claim")
    String claim(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId, RedirectAttributes redirect) {
        pageErrors.attempt(redirect, () -> stepWork.claim(user, taskId));
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/progress")
    String progress(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId, HttpServletRequest request,
                    RedirectAttributes redirect) {
        boolean done = pageErrors.attempt(redirect, () -> stepWork.reportProgress(user, taskId, new UnitStepWork.ProgressRequest(
                integer(request.getParameter("percent"), "percent"), blankToNull(request.getParameter("note")),
                blankToNull(request.getParameter("problems")), blankToNull(request.getParameter("suggestions")),
                figures(request))));
        if (done) {
            redirect.addFlashAttribute(PageErrors.DONE, "progressSaved");
        } else {
            keepTyped(request, PROGRESS_FORM, redirect);
        }
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{taskId}/complete")
    String complete(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId, HttpServletRequest request,
                    RedirectAttributes redirect) {
        StepReadings.TaskView task = readings.view(user, taskId);
        Map<String, String> values = new LinkedHashMap<>();
        for (StepForm.Field field : task.formFields()) {
            String value = request.getParameter("value." + field.id());
            if (!field.isFigure() && !field.id().equals(StepForm.DECISION) && !field.id().equals(StepForm.COMMENT)
                    && value != null && !value.isBlank()) {
                values.put(field.id(), value.strip());
            }
        }
        String decision = request.getParameter("decision");
        String comment = request.getParameter("value." + StepForm.COMMENT);
        ReviewDecision decided = decision == null ? null : ReviewDecision.valueOf(decision);
        boolean done = pageErrors.attempt(redirect, () -> stepWork.complete(user, taskId, new UnitStepWork.CompleteRequest(
                values, figures(request), decided, blankToNull(comment),
                decided == ReviewDecision.RETURN ? blankToNull(request.getParameter("returnTo")) : null)));
        if (done) {
            // the confirmation says what happened: returned, approved, chased up (at its grade) or submitted
            redirect.addFlashAttribute(PageErrors.DONE, decided == ReviewDecision.RETURN ? "taskReturned"
                    : decided == ReviewDecision.APPROVE ? "taskApproved"
                    : DeadlineSupervision.CHASE_UP_STEP.equals(task.summary().step().stepKey()) ? chasedUp(values)
                    : "taskCompleted");
            return "redirect:" + HomePages.homeOf(user);
        }
        keepTyped(request, "complete", redirect);
        return "redirect:/tasks/" + taskId;
    }

    /** The office's chase-up sent from its own step: the confirmation names its grade, as the console's does. */
    private static String chasedUp(Map<String, String> values) {
        String grade = values.get(DeadlineSupervision.GRADE);
        return java.util.Arrays.stream(ChaseUpGrade.values()).anyMatch(known -> known.name().equals(grade))
                ? "chasedUp." + grade : "chasedUp." + ChaseUpGrade.DEFAULT.name();
    }

    /** A file of a step opened in the browser by someone who may see the step; the opening is recorded. */
    @GetMapping("/tasks/{taskId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> openAttachment(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId,
                                          @PathVariable String attachmentId) {
        return InlineFile.of(files.open(user, taskId, attachmentId));
    }

    @PostMapping("/tasks/{taskId}/attachments")
    String attach(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String taskId, HttpServletRequest request,
                  RedirectAttributes redirect) {
        pageErrors.attempt(redirect, () -> files.attach(user, taskId, file(request)));
        return "redirect:/tasks/" + taskId;
    }

    /** The upload form's part named {@code file}. */
    private static StepFiles.AttachedFile file(HttpServletRequest request) {
        MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
        if (file == null) {
            return null;
        }
        try {
            return new StepFiles.AttachedFile(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Figures come as fields named {@code figure.<key>}; empty ones are not reported. */
    private static Map<String, BigDecimal> figures(HttpServletRequest request) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("figure.") && values.length > 0 && !values[0].isBlank()) {
                String key = name.substring("figure.".length());
                try {
                    figures.put(key, new BigDecimal(values[0].strip()));
                } catch (NumberFormatException e) {
                    throw DomainRuleViolation.invalid("figures." + key, "'" + values[0] + "' is not a number")
                            .coded("notANumber", values[0]);
                }
            }
        });
        return figures;
    }

    private static Integer integer(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid(field, "give the percent done, from 0 to 100").coded("percentMissing");
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw DomainRuleViolation.invalid(field, "'" + value + "' is not a whole number").coded("notAWholeNumber", value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
