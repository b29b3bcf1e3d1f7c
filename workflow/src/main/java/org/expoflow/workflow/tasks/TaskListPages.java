package org.expoflow.workflow.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.expoflow.projections.api.TaskPage;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.workflow.exports.ListExports;
import org.expoflow.workflow.exports.SavedFilters;
import org.expoflow.workflow.http.ListPage;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.units.UnitNames;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A unit's or the office's task list: a tab per filter with a count on each, narrowed to a directive, a unit, the
 * user's own steps or a keyword, a page at a time; the same rows as a spreadsheet; the list's filters saved under a
 * name; and the office's action on the steps ticked in it. A row leads to the step's page ({@link TaskPages}).
 */
@Controller
@PageDoor
class TaskListPages {

    /** The filters of a task list, in the order the tabs show them; "submitted" is the unit's work others review. */
    enum TaskFilter {
        open(task -> true),
        dueSoon(task -> task.deadline().dueSoon()),
        overdue(task -> task.deadline().overdue()),
        returned(TaskSummary::awaitsRework),
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
            // a unit answers the office's chase-up in its own reply step; the office's step is not the unit's to review
            if (!task.isActive() || user.isCity() && task.isChaseUpOfTheOffice()) {
                return false;
            }
            boolean mine = !user.isCity() || task.candidateGroup().equals(user.unitId())
                    || task.cooperatingUnits().contains(user.unitId());
            return (this == submitted ? !mine : mine) && test.test(task);
        }
    }

    private final StepReadings readings;
    private final KindTexts kindTexts;
    private final UnitNames unitNames;
    private final PageErrors pageErrors;
    private final ListExports exports;
    private final SavedFilters savedFilters;
    private final OfficeBulkForm bulkForm;
    private final TaskGlances glances;

    TaskListPages(StepReadings readings, KindTexts kindTexts, UnitNames unitNames, PageErrors pageErrors, ListExports exports,
                  SavedFilters savedFilters, OfficeBulkForm bulkForm, TaskGlances glances) {
        this.readings = readings;
        this.kindTexts = kindTexts;
        this.unitNames = unitNames;
        this.pageErrors = pageErrors;
        this.exports = exports;
        this.savedFilters = savedFilters;
        this.bulkForm = bulkForm;
        this.glances = glances;
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
        return exports.taskRows(null, shown, task -> TaskGlances.state(task).name()).download();
    }

    /**
     * The steps a list is made of: the open ones, due first, and the done ones, the latest due first, read apart
     * and each up to {@value #LIST_LIMIT} for the page (its spreadsheet up to {@value ListExports#MOST_ROWS}; the
     * done tab unfiltered, one page of them): read together, a unit's done steps crowded its open ones out of the
     * list (docs/performance.md, "Lists that must hold every row").
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
        // the done steps are read whole when shown or counted one by one; else a page of them, or only their count
        int size = whole ? most : paged ? LIST_PAGE_SIZE : 0;
        TaskPage done = readings.list(user, null, unit, TaskStatus.COMPLETED.name(), directive, null, paged ? donePage : 0, size,
                "-dueAt");
        List<TaskSummary> doneRows = whole ? done.items().stream().filter(asked).toList() : paged ? done.items() : List.of();
        return new ListRows(active, doneRows, filtered ? doneRows.size() : done.total());
    }

    /**
     * The page of done steps that {@link #rows} read by its number, the latest due first; one asked past the end,
     * the last: read whole and paged here, the tab's oldest pages were out of reach (docs/performance.md, "Lists that
     * must hold every row").
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

    /** A keyword found in the directive's title, the step's name or its key, or the unit's id. */
    private boolean mentions(TaskSummary task, String keyword, Map<String, String> names) {
        return Stream.of(task.directive().directiveTitle(), task.step().stepName(), kindTexts.step(task.step()),
                        task.directive().unitId(), names.getOrDefault(task.directive().unitId(), ""))
                .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(keyword));
    }
}
