package org.expoflow.workflow.review;

import org.expoflow.workflow.http.PageErrors;
import org.expoflow.commands.api.DomainRuleViolation;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.projections.api.FigureTotals;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.exports.ListExports;
import org.expoflow.workflow.meetings.MeetingWork;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.http.PageDoor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Leadership's screen for a meeting room: the board with red/amber/green cells, figures against targets and
 * the trend as charts, any of it as of a chosen moment, and the meetings listed (their own pages are
 * {@code meetings.MeetingPages}).
 */
@Controller
@PageDoor
@PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR', 'ADMIN')")
class BoardPages {

    private final ExpoWork expos;
    private final LeadershipReview review;
    private final MeetingWork meetings;
    private final ZoneId provinceZone;
    private final PageErrors pageErrors;
    private final ListExports exports;
    private final MessageSource messages;

    BoardPages(ExpoWork expos, LeadershipReview review, MeetingWork meetings,
               @Value("${expoflow.time-zone}") ZoneId provinceZone, PageErrors pageErrors, ListExports exports,
               MessageSource messages) {
        this.messages = messages;
        this.pageErrors = pageErrors;
        this.exports = exports;
        this.expos = expos;
        this.review = review;
        this.meetings = meetings;
        this.provinceZone = provinceZone;
    }

    @GetMapping("/board")
    String board(@AuthenticationPrincipal ExpoFlowUser user, @RequestParam(required = false) String expoId,
                 @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "0") int page, Model model) {
        // a province's expo issues hundreds of directives: the page shows them by the page, the newest first
        int boardPage = Math.max(0, page);
        List<ExpoSummary> all = expos.list().expos();
        ExpoSummary expo = all.stream().filter(e -> e.id().equals(expoId)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
        model.addAttribute("expos", all);
        model.addAttribute("expo", expo);
        if (expo == null) {
            return "board";
        }
        Instant at = null;
        try {
            at = asOf == null || asOf.isBlank() ? null : LocalDateTime.parse(asOf).atZone(provinceZone).toInstant();
            model.addAttribute("board", review.board(user, expo.id(), at, boardPage, LeadershipReview.BOARD_PAGE_SIZE));
        } catch (DateTimeParseException | DomainRuleViolation refused) {
            if (refused instanceof DomainRuleViolation violation && violation.kind() != DomainRuleViolation.Kind.INVALID) {
                throw violation;
            }
            model.addAttribute(PageErrors.ERROR, refused instanceof DomainRuleViolation violation ? pageErrors.sentence(violation)
                    : pageErrors.text("notADate", asOf));
            model.addAttribute(PageErrors.ERROR_FIELD, "asOf");
            at = null;
            model.addAttribute("board", review.board(user, expo.id(), null, boardPage, LeadershipReview.BOARD_PAGE_SIZE));
        }
        model.addAttribute("asOf", at);
        FigureTotals figures = review.figureTotals(user, expo.id(), at);
        model.addAttribute("figures", figures);
        Map<String, String> figureNames = new LinkedHashMap<>();
        figures.total().keySet().forEach(key -> figureNames.put(key, messages.getMessage("figure." + key, null, key,
                LocaleContextHolder.getLocale())));
        model.addAttribute("figureNames", figureNames);
        if (user.role() != org.expoflow.workflow.security.Role.ADMIN) {
            model.addAttribute("trend", review.trend(expo.id(), at));
            model.addAttribute("meetings", meetings.list(expo.id()));
        }
        return "board";
    }

    /** The overdue list, the due-soon list or the statistics per unit, as of the board's moment, as a spreadsheet. */
    @GetMapping("/board/{expoId}/{list:overdue|due-soon|statistics}.xlsx")
    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    ResponseEntity<byte[]> listAsFile(@PathVariable String expoId, @PathVariable String list,
                                      @RequestParam(required = false) Instant asOf) {
        return switch (list) {
            case "statistics" -> exports.statistics(expoId, review.statistics(expoId, asOf)).download();
            case "due-soon" -> exports.deadlines(expoId, review.deadlines(expoId, asOf, true, "daysLate"), true).download();
            default -> exports.deadlines(expoId, review.deadlines(expoId, asOf, false, null), false).download();
        };
    }
}
