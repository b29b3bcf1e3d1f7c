package org.expoflow.workflow.meetings;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.MeetingRecord;
import org.expoflow.workflow.meetings.MeetingWork.ConveneRequest;
import org.expoflow.workflow.meetings.MeetingWork.Decision;
import org.expoflow.workflow.meetings.MeetingWork.DecisionRequest;
import org.expoflow.workflow.meetings.MeetingWork.ReportRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The REST door to {@link MeetingWork}: coordination meetings, their reports, decisions and briefs. */
@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Coordination meetings", description = "Meetings, their reports and decisions, and their briefs")
public class MeetingController {

    private final MeetingWork meetings;

    public MeetingController(MeetingWork meetings) {
        this.meetings = meetings;
    }

    @PostMapping
    @Operation(summary = "Convene a meeting: its brief is taken as of this moment")
    public ResponseEntity<Map<String, String>> convene(@RequestBody ConveneRequest request) {
        String meetingId = meetings.convene(request);
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId)).body(Map.of("id", meetingId));
    }

    @GetMapping
    @Operation(summary = "The meetings of an expo, in the order they were held")
    public List<MeetingRecord> list(@RequestParam String expoId) {
        return meetings.list(expoId);
    }

    @GetMapping("/{meetingId}")
    @Operation(summary = "A meeting's record: reports and decisions")
    public MeetingRecord get(@PathVariable String meetingId) {
        return meetings.get(meetingId);
    }

    @PostMapping("/{meetingId}/reports")
    @Operation(summary = "Record a unit's report: progress, problems met, suggestions")
    public ResponseEntity<Void> report(@PathVariable String meetingId, @RequestBody ReportRequest request) {
        meetings.report(meetingId, request);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{meetingId}/decisions")
    @Operation(summary = "Record a decision; the directives it lists are issued with a link to the meeting")
    public ResponseEntity<Map<String, Object>> decide(@PathVariable String meetingId, @RequestBody DecisionRequest request) {
        Decision decision = meetings.decide(meetingId, request);
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId))
                .body(Map.of("id", decision.id(), "directiveIds", decision.directiveIds()));
    }

    @PostMapping("/{meetingId}/close")
    @Operation(summary = "Close the meeting: its record is frozen")
    public ResponseEntity<Void> close(@PathVariable String meetingId) {
        meetings.close(meetingId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{meetingId}/brief")
    @Operation(summary = "The brief as of the meeting: board, figures, overdue list, changes since the previous meeting,"
            + " chase-ups, instructions and their feedback, extension requests, reports, decisions; format json (default),"
            + " or written as the office writes a brief in the reader's language (Accept-Language) as pdf, docx or xlsx;"
            + " bilingual=true writes it in Chinese and English")
    public ResponseEntity<?> brief(@PathVariable String meetingId, @RequestParam(defaultValue = "json") String format,
                                   @RequestParam(defaultValue = "false") boolean bilingual) {
        if (format.equals("json")) {
            return ResponseEntity.ok(meetings.brief(meetingId));
        }
        return meetings.briefFile(meetingId, format, bilingual).download();
    }
}
