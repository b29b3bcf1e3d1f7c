package org.expoflow.workflow.console;

import org.expoflow.workflow.http.ListPage;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.tasks.OfficeBulkForm;
import org.expoflow.commands.api.DomainRuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.projections.api.UnitDirectiveStatus;
import org.expoflow.projections.api.AwaitingOffice;
import org.expoflow.workflow.directives.DirectiveWork;
import org.expoflow.workflow.kinds.DirectiveKind;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.review.LeadershipReview;
import org.expoflow.workflow.tasks.OfficeStepWork;
import org.expoflow.workflow.tasks.StepReadings;
import org.expoflow.workflow.tasks.TaskGlances;
import org.expoflow.projections.api.NextReports;
import org.expoflow.workflow.units.UnitRegister;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.http.PageDoor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The coordinator's console for one expo: set it up (plan it, enrol units), issue a directive to units (or
 * all of them), the review queue (reviews and chase-ups), and the overdue steps with what can be done about
 * them: extend, reassign, and a way to their directive's page, where it is withdrawn.
 */
@Controller
@PageDoor
@PreAuthorize("hasRole('COORDINATOR')")
class ConsolePages {

    static final int OVERDUE_PAGE_SIZE = 20;

    private final ExpoWork expos;
    private final DirectiveWork directives;
    private final StepReadings readings;
    private final OfficeStepWork officeWork;
    private final LeadershipReview review;
    private final UnitRegister units;

    private final PageErrors pageErrors;
    private final OfficeBulkForm bulkForm;
    private final TaskGlances glances;

    ConsolePages(ExpoWork expos, DirectiveWork directives, StepReadings readings, OfficeStepWork officeWork, LeadershipReview review, UnitRegister units,
                 PageErrors pageErrors, OfficeBulkForm bulkForm, TaskGlances glances) {
        this.glances = glances;
        this.pageErrors = pageErrors;
        this.bulkForm = bulkForm;
        this.units = units;
        this.expos = expos;
        this.directives = directives;
        this.readings = readings;
        this.officeWork = officeWork;
        this.review = review;
    }

    @GetMapping("/console")
    String console(@AuthenticationPrincipal ExpoFlowUser user, @RequestParam(required = false) String expoId,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int overduePage,
                   Model model) {
        List<ExpoSummary> all = expos.list().expos();
        ExpoSummary expo = all.stream().filter(e -> e.id().equals(expoId)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
        model.addAttribute("expos", all);
        model.addAttribute("expo", expo);
        List<DirectiveKind> kinds = directives.kinds();
        model.addAttribute("kinds", kinds);
        // which kinds collect each figure: the issue form shows the targets of the kind chosen only
        Map<String, String> kindsCollecting = new LinkedHashMap<>();
        kinds.forEach(kind -> kind.figures().forEach(figure ->
                kindsCollecting.merge(figure, kind.key(), (others, one) -> others + " " + one)));
        model.addAttribute("kindsCollecting", kindsCollecting);
        if (expo != null) {
            java.util.Set<String> enrolled = expo.units().stream().map(ExpoSummary.EnrolledUnit::unitId)
                    .collect(java.util.stream.Collectors.toSet());
            model.addAttribute("unenrolled", units.all().stream().filter(unit -> !enrolled.contains(unit.unitId())).toList());
            // the office's chase-ups are offered with the overdue steps below, not among the work waiting for review
            AwaitingOffice awaiting = readings.awaitingOffice(expo.id());
            model.addAttribute("reviews", awaiting.reviews());
            model.addAttribute("extensionRequests", awaiting.extensionRequests());
            // the units that owe a progress report past its date, on directives wanting one every so often
            model.addAttribute("reportsMissed", units.inOrder(glances.nextReportsOfExpo(expo.id()).missed(), NextReports.NextReport::unitId));
            // the most overdue first, a page at a time: each comes with its actions' forms, and a province's hundreds of
            // overdue steps made the console several megabytes and seconds long (the export lists them all)
            ListPage<DeadlineList.Item> overdue = ListPage.of(review.deadlines(expo.id(), null, false, null).items(),
                    overduePage, OVERDUE_PAGE_SIZE);
            model.addAttribute("overdue", overdue.items());
            model.addAttribute("overduePage", overdue);
            // a page of directives, the newest first, as the board shows them: a province's expo issues hundreds, and
            // the whole board is too slow to read for the console (docs/performance.md)
            Board board = review.board(user, expo.id(), null, Math.max(0, page), LeadershipReview.BOARD_PAGE_SIZE);
            model.addAttribute("directivePage", board.page());
            model.addAttribute("directives", DirectiveProgress.of(board));
        }
        return "console";
    }

    /** A directive issued, with how many of its units are done: the console's list, in the board's order (newest first). */
    record DirectiveProgress(String directiveId, String title, String kind, Instant dueAt, boolean withdrawn, long done,
                             long units) {

        static List<DirectiveProgress> of(Board board) {
            // the units it went to: a co-operating unit's cell is its lead's task, not a unit of its own
            Map<String, List<Board.BoardCell>> cellsByDirective = board.units().stream().flatMap(unit -> unit.cells().stream())
                    .filter(cell -> cell.cooperatesWith() == null)
                    .collect(java.util.stream.Collectors.groupingBy(Board.BoardCell::directiveId));
            return board.directives().stream().map(directive -> {
                List<Board.BoardCell> cells = cellsByDirective.getOrDefault(directive.directiveId(), List.of());
                return new DirectiveProgress(directive.directiveId(), directive.title(), directive.kind(), directive.dueAt(),
                        directive.withdrawnAt() != null, cells.stream().filter(cell -> cell.status() == UnitDirectiveStatus.DONE).count(),
                        cells.size());
            }).toList();
        }
    }

    @PostMapping("/console/{expoId}/directives")
    String issue(@PathVariable String expoId, HttpServletRequest request, RedirectAttributes redirect) {
        boolean done = pageErrors.attempt(redirect, () -> {
            ExpoSummary expo = expos.get(expoId);
            List<String> unitIds = request.getParameter("allUnits") != null
                    ? expo.units().stream().map(ExpoSummary.EnrolledUnit::unitId).toList()
                    : request.getParameterValues("unitIds") == null ? List.of() : List.of(request.getParameterValues("unitIds"));
            Map<String, BigDecimal> targets = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if (name.startsWith("target.") && values.length > 0 && !values[0].isBlank()) {
                    try {
                        targets.put(name.substring("target.".length()), new BigDecimal(values[0].strip()));
                    } catch (NumberFormatException e) {
                        throw DomainRuleViolation.invalid("targets." + name.substring("target.".length()), "'" + values[0] + "' is not a number")
                                .coded("notANumber", values[0]);
                    }
                }
            });
            // co-operating units are chosen per lead unit (cooperatingUnits.<lead>): each helps the leads it was ticked under
            Map<String, List<String>> cooperating = new LinkedHashMap<>();
            unitIds.forEach(lead -> {
                String[] chosen = request.getParameterValues("cooperatingUnits." + lead);
                if (chosen != null && chosen.length > 0) {
                    cooperating.put(lead, List.of(chosen));
                }
            });
            String reportEvery = request.getParameter("reportEvery");
            try {
                directives.issue(new DirectiveWork.IssueDirectiveRequest(expoId, request.getParameter("kind"), request.getParameter("title"),
                        request.getParameter("instructions"), dueOn(request.getParameter("dueOn")), null, unitIds, targets,
                        reportEvery == null || reportEvery.isBlank() ? null : reportEvery, cooperating,
                        "true".equals(request.getParameter("duplicateTitle"))));
            } catch (DomainRuleViolation refused) {
                // a title in force already: the form comes back asking whether it is meant
                redirect.addFlashAttribute("duplicateTitle", "duplicateTitle".equals(refused.code()));
                throw refused;
            }
        });
        if (done) {
            redirect.addFlashAttribute(PageErrors.DONE, "directiveIssued");
        } else {
            // refused: the form comes back as it was sent, with the refusal at its field
            Map<String, String> issued = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals("_csrf")) {
                    issued.put(name, String.join(",", values));
                }
            });
            redirect.addFlashAttribute("issued", issued);
        }
        return "redirect:/console?expoId=" + expoId;
    }

    /** An issue form's deadline: none when left empty (refused with the form's other faults), else a date. */
    private LocalDate dueOn(String value) {
        return value == null || value.isBlank() ? null : pageErrors.date(value, "dueOn");
    }

    @PostMapping("/console/expos")
    String plan(@RequestParam(required = false) String name, @RequestParam(required = false) String venue,
                @RequestParam(required = false) String opensOn, @RequestParam(required = false) String closesOn,
                RedirectAttributes redirect) {
        String[] planned = new String[1];
        if (pageErrors.attempt(redirect, () -> {
            planned[0] = expos.plan(new ExpoWork.PlanExpoRequest(name, venue, pageErrors.date(opensOn, "opensOn"),
                    pageErrors.date(closesOn, "closesOn")));
        })) {
            redirect.addFlashAttribute(PageErrors.DONE, "expoPlanned");
            return "redirect:/console?expoId=" + planned[0];
        }
        return "redirect:/console";
    }

    @PostMapping("/console/{expoId}/units")
    String enrol(@PathVariable String expoId, @RequestParam(required = false) List<String> unitIds,
                 RedirectAttributes redirect) {
        return backToConsole(expoId, "unitsEnrolled", redirect, () -> {
            if (unitIds == null || unitIds.isEmpty()) {
                throw DomainRuleViolation.invalid("unitIds", "choose the units to enrol").coded("chooseUnitsToEnrol");
            }
            for (String unitId : unitIds) {
                var unit = units.find(unitId)
                        .orElseThrow(() -> DomainRuleViolation.invalid("unitIds", "'" + unitId + "' is not a registered unit")
                                .coded("unitNotRegistered", unitId));
                expos.enrol(expoId, new ExpoWork.EnrolUnitRequest(unitId, null, unit.kind()));
            }
        });
    }

    @PostMapping("/console/{expoId}/tasks/{taskId}/extend")
    String extend(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId, @PathVariable String taskId,
                  @RequestParam(required = false) String dueOn, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return backToConsole(expoId, "deadlineExtended", redirect, () ->
                officeWork.extend(user, taskId, new OfficeStepWork.ExtendRequest(pageErrors.date(dueOn, "dueOn"), null, reason)));
    }

    @PostMapping("/console/{expoId}/tasks/{taskId}/reassign")
    String reassign(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId, @PathVariable String taskId,
                    @RequestParam(required = false) String unitId, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect) {
        return backToConsole(expoId, "taskReassigned", redirect, () ->
                officeWork.reassign(user, taskId, new OfficeStepWork.ReassignRequest(unitId, reason)));
    }

    @PostMapping("/console/{expoId}/tasks/{taskId}/cooperating-units")
    String addCooperatingUnit(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId, @PathVariable String taskId,
                              @RequestParam(required = false) String unitId, RedirectAttributes redirect) {
        return backToConsole(expoId, "cooperatingUnitAdded", redirect, () ->
                officeWork.addCooperatingUnit(user, taskId, new OfficeStepWork.CooperatingUnitRequest(unitId)));
    }

    @PostMapping("/console/{expoId}/tasks/{taskId}/chase-up")
    String chaseUp(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId, @PathVariable String taskId,
                   @RequestParam(required = false) String message, @RequestParam(required = false) String grade,
                   RedirectAttributes redirect) {
        // the confirmation says which grade was sent: a grade not known is refused, so never reaches it
        return backToConsole(expoId, grade == null || grade.isBlank() ? "chasedUp" : "chasedUp." + grade.strip(), redirect, () ->
                officeWork.chaseUp(user, taskId, new OfficeStepWork.ChaseUpRequest(message, grade)));
    }

    /**
     * The overdue steps ticked, chased up or extended at once; the page says how many were done and, for each
     * one refused, which step and why.
     */
    @PostMapping("/console/{expoId}/tasks/bulk")
    String bulk(@AuthenticationPrincipal ExpoFlowUser user, @PathVariable String expoId, OfficeBulkForm.Fields fields,
                RedirectAttributes redirect) {
        bulkForm.run(user, fields, redirect);
        return "redirect:/console?expoId=" + expoId;
    }

    /** An office action taken from the console: done, the console says so; refused, it says why at the field. */
    private String backToConsole(String expoId, String done, RedirectAttributes redirect, Runnable action) {
        if (pageErrors.attempt(redirect, action)) {
            redirect.addFlashAttribute(PageErrors.DONE, done);
        }
        return "redirect:/console?expoId=" + expoId;
    }
}
