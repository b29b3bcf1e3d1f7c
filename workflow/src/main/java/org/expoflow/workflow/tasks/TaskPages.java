package org.expoflow.workflow.tasks;

import org.expoflow.workflow.home.HomePages;
import org.expoflow.workflow.http.ListPage;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.units.UnitNames;
import org.expoflow.commands.api.DomainRuleViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.expoflow.commands.api.task.ReviewDecision;
import org.expoflow.projections.api.FindDirectiveComments;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.directives.DirectiveWork;
import org.expoflow.workflow.exports.ListExports;
import org.expoflow.workflow.exports.SavedFilters;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.engine.StepForm;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.http.PageDoor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * A unit's task list, with a count on each filter, and the task page: what the step asks for as a form
 * (checked in the browser and again by the same rules as the API), a progress report, attachments, and the
 * task's history as a timeline.
 */
@Controller
@PageDoor
class TaskPages {

    /** The filters of a task list, in the order the tabs show them; "submitted" is the unit's work others review. */
    enum TaskFilter {
        open(task -> true),
        dueSoon(TaskSummary::dueSoon),
        overdue(TaskSummary::overdue),
        returned(task -> task.returnComment() != null && task.latestReportAt() == null),
        submitted(task -> true),
        done(task -> task.status() == TaskStatus.COMPLETED);

        private final Predicate<TaskSummary> test;

        TaskFilter(Predicate<TaskSummary> test) {
            this.test = test;
        }

        boolean shows(TaskSummary task, ExpoFlowUser user) {
            if (this == done) {
                return test.test(task);
            }
            if (!task.isActive()) {
                return false;
            }
            boolean mine = !user.isCity() || task.candidateGroup().equals(user.unitId())
                    || task.cooperatingUnits().contains(user.unitId());
            return (this == submitted ? !mine : mine) && test.test(task);
        }
    }

    private final StepReadings readings;
    private final VisibleSteps visible;
    private final StepFiles files;
    private final UnitStepWork stepWork;
    private final KindTexts kindTexts;
    private final UnitNames unitNames;
    private final UserDirectory people;

    private final PageErrors pageErrors;
    private final ListExports exports;
    private final SavedFilters savedFilters;
    private final DirectiveWork directives;
    private final OfficeBulkForm bulkForm;
    private final TaskGlances glances;

    TaskPages(StepReadings readings, VisibleSteps visible, StepFiles files, UnitStepWork stepWork, KindTexts kindTexts, UnitNames unitNames, UserDirectory people, PageErrors pageErrors,
              ListExports exports, SavedFilters savedFilters, DirectiveWork directives, OfficeBulkForm bulkForm, TaskGlances glances) {
        this.glances = glances;
        this.directives = directives;
        this.bulkForm = bulkForm;
        this.pageErrors = pageErrors;
        this.exports = exports;
        this.savedFilters = savedFilters;
        this.readings = readings;
        this.visible = visible;
        this.files = files;
        this.stepWork = stepWork;
        this.kindTexts = kindTexts;
        this.unitNames = unitNames;
        this.people = people;
    }

    @GetMapping("/tasks")
    String list(@AuthenticationPrincipal ExpoFlowUser user, @RequestParam(defaultValue = "open") TaskFilter filter,
                @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String directiveId,
                @RequestParam(required = false) String unitId, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String unit = unitOf(user, unitId);
        String directive = directiveOf(directiveId);
        // the done steps unfiltered are paged by the database: a unit has thousands of them in a half year
        boolean donePaged = filter == TaskFilter.done && !mine && (q == null || q.isBlank());
        ListRows rows = rows(user, mine, directive, unit, q, filter == TaskFilter.done, donePaged ? Math.max(0, page) : NO_PAGE, LIST_LIMIT);
        model.addAttribute("mine", mine);
        model.addAttribute("directiveId", directive);
        model.addAttribute("unitId", unit);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("city", user.isCity());
        model.addAttribute("office", user.role() == Role.COORDINATOR);
        Map<TaskFilter, Long> counts = new LinkedHashMap<>();
        for (TaskFilter each : TaskFilter.values()) {
            counts.put(each, each == TaskFilter.done ? rows.doneCount()
                    : rows.active().stream().filter(task -> each.shows(task, user)).count());
        }
        model.addAttribute("filter", filter);
        model.addAttribute("counts", counts);
        model.addAttribute("savedFilters", savedFilters.visibleTo(user, SavedFilters.SavedList.TASKS));
        // a page at a time: a whole tab of a many-step unit was slow to render (docs/performance.md)
        ListPage<TaskSummary> shown = donePaged ? donePage(user, unit, directive, page, rows)
                : ListPage.of(rows.shownBy(filter, user), page, LIST_PAGE_SIZE);
        model.addAttribute("tasks", shown.items());
        // each row read in five seconds: its state, its countdown, who took it, 协办 and its lead, the next report
        model.addAttribute("glances", glances.of(user, shown.items()));
        model.addAttribute("taskPage", shown);
        return "tasks";
    }

    /** The office's action on the steps ticked in the list; back to the list as it was filtered. */
    @PostMapping("/tasks/bulk")
    @PreAuthorize("hasRole('COORDINATOR')")
    String bulk(@AuthenticationPrincipal ExpoFlowUser user, OfficeBulkForm.Fields fields,
                @RequestParam(defaultValue = "open") TaskFilter filter, @RequestParam(defaultValue = "false") boolean mine,
                @RequestParam(required = false) String directiveId, @RequestParam(required = false) String unitId,
                @RequestParam(required = false) String q, RedirectAttributes redirect) {
        bulkForm.run(user, fields, redirect);
        return "redirect:" + SavedFilters.SavedList.TASKS.open(listParameters(user, filter, mine, directiveId, unitId, q));
    }

    /** Saves the list's filters as they are on the page, under a name, for the user or everyone of its role. */
    @PostMapping("/tasks/filters")
    String saveFilter(@AuthenticationPrincipal ExpoFlowUser user, @RequestParam(required = false) String name,
                      @RequestParam(defaultValue = "false") boolean share, @RequestParam(defaultValue = "open") TaskFilter filter,
                      @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String directiveId,
                      @RequestParam(required = false) String unitId, @RequestParam(required = false) String q,
                      RedirectAttributes redirect) {
        Map<String, String> parameters = listParameters(user, filter, mine, directiveId, unitId, q);
        if (pageErrors.attempt(redirect, () -> savedFilters.save(user, new SavedFilters.SaveFilterRequest(name,
                SavedFilters.SavedList.TASKS, parameters, share ? user.role().name() : null)))) {
            redirect.addFlashAttribute(PageErrors.DONE, "filterSaved");
        }
        return "redirect:" + SavedFilters.SavedList.TASKS.open(parameters);
    }

    @PostMapping("/tasks/filters/{filterId}/remove")
    String removeFilter(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String filterId, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> savedFilters.remove(user, filterId))) {
            redirect.addFlashAttribute(PageErrors.DONE, "filterRemoved");
        }
        return "redirect:/tasks";
    }

    /** The rows of the list as the page shows them (its tab, its filters, its keyword), as a spreadsheet. */
    @GetMapping(value = "/tasks", params = "format=xlsx")
    ResponseEntity<byte[]> listAsFile(@AuthenticationPrincipal ExpoFlowUser user, @RequestParam(defaultValue = "open") TaskFilter filter,
                                      @RequestParam(defaultValue = "false") boolean mine,
                                      @RequestParam(required = false) String directiveId,
                                      @RequestParam(required = false) String unitId, @RequestParam(required = false) String q) {
        // every row of the tab, as the API's lists give theirs: the page reads only as many as it shows
        List<TaskSummary> shown = rows(user, mine, directiveOf(directiveId), unitOf(user, unitId), q, filter == TaskFilter.done, NO_PAGE,
                ListExports.MOST_ROWS).shownBy(filter, user);
        return exports.taskRows(null, shown).download();
    }

    /**
     * The steps a list is made of: the open ones, due first, and the done ones, the latest due first, read apart
     * and each up to {@value #LIST_LIMIT} for the page (its spreadsheet up to {@value ListExports#MOST_ROWS}; the
     * done tab unfiltered, one page of them). Read
     * together, a unit's first 500 steps by deadline at a province's scale (thousands a half year) were nearly all
     * done ones, and the open steps due later were left out.
     */
    private record ListRows(List<TaskSummary> active, List<TaskSummary> done, long doneCount) {

        List<TaskSummary> shownBy(TaskFilter filter, ExpoFlowUser user) {
            return (filter == TaskFilter.done ? done : active).stream().filter(task -> filter.shows(task, user)).toList();
        }
    }

    private static final int LIST_LIMIT = 500;
    private static final int LIST_PAGE_SIZE = 50;
    private static final int NO_PAGE = -1;

    /**
     * {@code donePage}: the page of done steps the done tab shows, read by the database with their count; or
     * {@value #NO_PAGE}, and the done steps are read whole when shown ({@code doneShown}) or counted one by one,
     * else only counted.
     */
    private ListRows rows(ExpoFlowUser user, boolean mine, String directive, String unit, String q, boolean doneShown, int donePage,
                          int most) {
        String keyword = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        Map<String, String> names = keyword == null ? Map.of() : unitNames.bothNames();
        Predicate<TaskSummary> asked = task -> (!mine || user.getUsername().equals(task.assignee()))
                && (keyword == null || mentions(task, keyword, names));
        List<TaskSummary> active = readings.list(user, null, unit, "ACTIVE", directive, null, 0, most, "dueAt")
                .items().stream().filter(asked).toList();
        boolean filtered = mine || keyword != null;
        boolean paged = donePage != NO_PAGE;
        boolean whole = !paged && (doneShown || filtered);
        // the done steps are read whole when shown or counted one by one; else a page of them, or one, with their count
        int size = whole ? most : paged ? LIST_PAGE_SIZE : 1;
        TaskPage done = readings.list(user, null, unit, TaskStatus.COMPLETED.name(), directive, null, paged ? donePage : 0, size,
                "-dueAt");
        List<TaskSummary> doneRows = whole ? done.items().stream().filter(asked).toList() : paged ? done.items() : List.of();
        return new ListRows(active, doneRows, filtered ? doneRows.size() : done.total());
    }

    /**
     * The page of done steps that {@link #rows} read by its number, the latest due first; one asked past the end,
     * the last. Read whole and paged here, the tab counted all of a unit's done steps (3,000 at a province's scale)
     * but paged only the 500 latest.
     */
    private ListPage<TaskSummary> donePage(ExpoFlowUser user, String unit, String directive, int page, ListRows rows) {
        long total = rows.doneCount();
        int pages = (int) Math.max(1, (total + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE);
        int shown = Math.min(Math.max(0, page), pages - 1);
        List<TaskSummary> items = shown == Math.max(0, page) ? rows.done()
                : readings.list(user, null, unit, TaskStatus.COMPLETED.name(), directive, null, shown, LIST_PAGE_SIZE, "-dueAt").items();
        return new ListPage<>(items, shown, pages, (int) total);
    }

    /** The list's filters as its address carries them, the ones left empty left out. */
    private static Map<String, String> listParameters(ExpoFlowUser user, TaskFilter filter, boolean mine, String directiveId,
                                                      String unitId, String q) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("filter", filter.name());
        parameters.put("mine", Boolean.toString(mine));
        parameters.put("directiveId", directiveOf(directiveId));
        parameters.put("unitId", unitOf(user, unitId));
        parameters.put("q", q);
        parameters.values().removeIf(value -> value == null || value.isBlank());
        return parameters;
    }

    private static String unitOf(ExpoFlowUser user, String unitId) {
        return unitId == null || unitId.isBlank() || user.isCity() ? null : unitId;
    }

    private static String directiveOf(String directiveId) {
        return directiveId == null || directiveId.isBlank() ? null : directiveId;
    }

    @GetMapping("/tasks/{taskId}")
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
        model.addAttribute("attachments", files.attachments(user, taskId));
        List<StepReadings.Comment> comments = StepReadings.commentsIn(task.history());
        model.addAttribute("comments", comments);
        model.addAttribute("instructions", comments.stream().filter(StepReadings.Comment::instruction).toList());
        List<FindDirectiveComments.DirectiveComment> onDirective = directives.thread(user, task.summary().directiveId()).comments();
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
        model.addAttribute("clerk", user.isCity());
        model.addAttribute("office", user.role() == Role.COORDINATOR);
        return "task";
    }

    /**
     * What the step's forms show: a refused form its values as typed and each fault at its field; the form of a
     * step returned for rework, the unit's last submission.
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
        if (pageErrors.attempt(redirect, () -> directives.comment(user, readings.view(user, taskId).summary().directiveId(),
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
            // the confirmation says what happened: returned, approved or submitted
            redirect.addFlashAttribute(PageErrors.DONE, decided == ReviewDecision.RETURN ? "taskReturned"
                    : decided == ReviewDecision.APPROVE ? "taskApproved" : "taskCompleted");
            return "redirect:" + HomePages.homeOf(user);
        }
        keepTyped(request, "complete", redirect);
        return "redirect:/tasks/" + taskId;
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

    /** A keyword found in the directive's title, the step's name or its key, or the unit's id. */
    private boolean mentions(TaskSummary task, String keyword, Map<String, String> names) {
        return java.util.stream.Stream.of(task.directiveTitle(), task.stepName(), kindTexts.step(task.kind(), task.stepKey(),
                        task.stepName()), task.unitId(), names.getOrDefault(task.unitId(), ""))
                .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(keyword));
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

    static boolean isMultipart(HttpServletRequest request) {
        return request instanceof MultipartHttpServletRequest;
    }
}
