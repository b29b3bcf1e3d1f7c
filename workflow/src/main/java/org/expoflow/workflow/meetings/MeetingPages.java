package org.expoflow.workflow.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.MeetingRecord;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.http.PageDoor;
import org.expoflow.workflow.http.PageErrors;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.security.UserDirectory;
import org.expoflow.workflow.units.UnitNames;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting's pages for leadership and the office: convened from the board, then its page with what changed since
 * the last one, the units' reports, the decisions and the close, and its brief to download, all through
 * {@link MeetingWork} as the API goes.
 */
@Controller
@PageDoor
@PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
class MeetingPages {

    private final MeetingWork meetings;
    private final ExpoWork expos;
    private final UserDirectory people;
    private final PageErrors pageErrors;
    private final UnitNames unitNames;
    private final KindTexts kindTexts;

    MeetingPages(MeetingWork meetings, ExpoWork expos, UserDirectory people, PageErrors pageErrors, UnitNames unitNames,
                 KindTexts kindTexts) {
        this.meetings = meetings;
        this.expos = expos;
        this.people = people;
        this.pageErrors = pageErrors;
        this.unitNames = unitNames;
        this.kindTexts = kindTexts;
    }

    @PostMapping("/board/{expoId}/meetings")
    String convene(@PathVariable String expoId, @RequestParam(required = false) String title, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> {
            meetings.convene(new MeetingWork.ConveneRequest(expoId, title, Instant.now()));
        })) {
            redirect.addFlashAttribute(PageErrors.DONE, "meetingConvened");
        }
        return "redirect:/board?expoId=" + expoId;
    }

    @GetMapping("/meetings/{meetingId}/brief.{format}")
    ResponseEntity<?> brief(@PathVariable String meetingId, @PathVariable String format,
                            @RequestParam(defaultValue = "false") boolean bilingual) {
        if (format.equals("json")) {
            return ResponseEntity.ok(meetings.brief(meetingId));
        }
        return meetings.briefFile(meetingId, format, bilingual).download();
    }

    @GetMapping("/meetings/{meetingId}")
    String meeting(@PathVariable String meetingId, Model model, Locale locale) {
        MeetingRecord meeting = meetings.get(meetingId);
        model.addAttribute("meeting", meeting);
        MeetingBrief brief = meetings.brief(meetingId);
        model.addAttribute("brief", brief);
        model.addAttribute("changesByUnit", BriefChanges.byUnit(brief.changes(), unitNames.unitNames(locale), kindTexts));
        model.addAttribute("people", people.displayNames());
        model.addAttribute("units", expos.get(meeting.expoId()).units());
        return "meeting";
    }

    @PostMapping("/meetings/{meetingId}/reports")
    String report(@PathVariable String meetingId, @RequestParam(required = false) String unitId,
                  @RequestParam(required = false) String progress, @RequestParam(required = false) String problems,
                  @RequestParam(required = false) String suggestions, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> {
            meetings.report(meetingId, new MeetingWork.ReportRequest(unitId, progress, problems, suggestions));
        })) {
            redirect.addFlashAttribute(PageErrors.DONE, "reportRecorded");
        }
        return "redirect:/meetings/" + meetingId;
    }

    @PostMapping("/meetings/{meetingId}/decisions")
    String decide(@PathVariable String meetingId, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> {
            meetings.decide(meetingId, new MeetingWork.DecisionRequest(text, List.of()));
        })) {
            redirect.addFlashAttribute(PageErrors.DONE, "decisionRecorded");
        }
        return "redirect:/meetings/" + meetingId;
    }

    @PostMapping("/meetings/{meetingId}/close")
    String close(@PathVariable String meetingId, RedirectAttributes redirect) {
        if (pageErrors.attempt(redirect, () -> meetings.close(meetingId))) {
            redirect.addFlashAttribute(PageErrors.DONE, "meetingClosed");
        }
        return "redirect:/meetings/" + meetingId;
    }
}
