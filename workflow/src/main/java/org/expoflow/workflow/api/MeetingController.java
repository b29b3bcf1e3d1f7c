package org.expoflow.workflow.api;

import org.expoflow.commands.api.DomainRuleViolation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.CloseMeeting;
import org.expoflow.commands.api.ConveneMeeting;
import org.expoflow.commands.api.IssueDirective;
import org.expoflow.commands.api.RecordDecision;
import org.expoflow.commands.api.RecordUnitReport;
import org.expoflow.projections.api.FindBrief;
import org.expoflow.projections.api.FindMeeting;
import org.expoflow.projections.api.FindMeetings;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.MeetingRecord;
import org.expoflow.projections.support.ProjectionCatchUp;
import org.expoflow.workflow.briefs.BriefDocument;
import org.expoflow.workflow.briefs.BriefWorkbook;
import org.expoflow.workflow.engine.ActingContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Coordination meetings: convened by leadership or the expo office, with the units' reports and the
 * decisions (which may issue directives), closed to freeze the record; and the brief, as JSON, a
 * spreadsheet or a PDF, taken as of the instant the meeting was convened.
 */
@RestController
@RequestMapping("/api/meetings")
@PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
@Tag(name = "Coordination meetings", description = "Meetings, their reports and decisions, and their briefs")
public class MeetingController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ActingContext acting;
    private final QueryGateway queries;
    private final ProjectionCatchUp catchUp;
    private final DirectiveRequests directiveRequests;
    private final Clock clock;

    public MeetingController(ActingContext acting, QueryGateway queries, ProjectionCatchUp catchUp,
                             DirectiveRequests directiveRequests, Clock clock) {
        this.acting = acting;
        this.queries = queries;
        this.catchUp = catchUp;
        this.directiveRequests = directiveRequests;
        this.clock = clock;
    }

    public record ConveneRequest(@NotBlank String expoId, @NotBlank @Size(max = 300) String title, @NotNull Instant heldAt) {
    }

    public record ReportRequest(@NotBlank String unitId, @Size(max = 4000) String progress, @Size(max = 4000) String problems,
                                @Size(max = 4000) String suggestions) {
    }

    public record DecisionRequest(@NotBlank @Size(max = 4000) String text,
                                  @Size(max = 20) List<DirectiveController.@Valid IssueDirectiveRequest> directives) {
    }

    @PostMapping
    @Operation(summary = "Convene a meeting: its brief is taken as of this moment")
    public ResponseEntity<Map<String, String>> convene(@Valid @RequestBody ConveneRequest request) {
        PlanningWindow.check("heldAt", request.heldAt());
        ExpoController.ExpoLookup.require(queries, request.expoId());
        String meetingId = UUID.randomUUID().toString();
        acting.send(new ConveneMeeting(acting.currentActor(), meetingId, request.expoId(), request.title(), request.heldAt(),
                clock.instant()));
        catchUp.awaitHead();
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId)).body(Map.of("id", meetingId));
    }

    @GetMapping
    @Operation(summary = "The meetings of an expo, in the order they were held")
    public List<MeetingRecord> list(@RequestParam String expoId) {
        return queries.query(new FindMeetings(expoId), ResponseTypes.multipleInstancesOf(MeetingRecord.class)).join();
    }

    @GetMapping("/{meetingId}")
    @Operation(summary = "A meeting's record: reports and decisions")
    public MeetingRecord get(@PathVariable String meetingId) {
        return require(meetingId);
    }

    @PostMapping("/{meetingId}/reports")
    @Operation(summary = "Record a unit's report: progress, problems met, suggestions")
    public ResponseEntity<Void> report(@PathVariable String meetingId, @Valid @RequestBody ReportRequest request) {
        MeetingRecord meeting = require(meetingId);
        boolean enrolled = ExpoController.ExpoLookup.require(queries, meeting.expoId()).units().stream()
                .anyMatch(unit -> unit.unitId().equals(request.unitId()));
        if (!enrolled) {
            throw DomainRuleViolation.invalid("unitId", "unit '" + request.unitId() + "' is not enrolled in this expo");
        }
        acting.send(new RecordUnitReport(meetingId, acting.currentActor(), request.unitId(), request.progress(),
                request.problems(), request.suggestions()));
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{meetingId}/decisions")
    @Operation(summary = "Record a decision; the directives it lists are issued with a link to the meeting")
    public ResponseEntity<Map<String, Object>> decide(@PathVariable String meetingId, @Valid @RequestBody DecisionRequest request) {
        MeetingRecord meeting = require(meetingId);
        if (meeting.closedAt() != null) {
            throw org.expoflow.commands.api.DomainRuleViolation.conflict("meeting " + meetingId + " is closed: its record is frozen");
        }
        List<IssueDirective> directives = new ArrayList<>();
        List<DirectiveController.IssueDirectiveRequest> asked = request.directives() == null ? List.of() : request.directives();
        for (int i = 0; i < asked.size(); i++) {
            if (!asked.get(i).expoId().equals(meeting.expoId())) {
                throw DomainRuleViolation.invalid("directives[" + i + "].expoId", "a meeting issues directives of its own expo");
            }
            directives.add(directiveRequests.prepare(asked.get(i), "directives[" + i + "].", meetingId));
        }
        directives.forEach(acting::send);
        String decisionId = UUID.randomUUID().toString();
        List<String> directiveIds = directives.stream().map(IssueDirective::directiveId).toList();
        acting.send(new RecordDecision(meetingId, acting.currentActor(), decisionId, request.text(), directiveIds));
        catchUp.awaitHead();
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId))
                .body(Map.of("id", decisionId, "directiveIds", directiveIds));
    }

    @PostMapping("/{meetingId}/close")
    @Operation(summary = "Close the meeting: its record is frozen")
    public ResponseEntity<Void> close(@PathVariable String meetingId) {
        require(meetingId);
        acting.send(new CloseMeeting(meetingId, acting.currentActor()));
        catchUp.awaitHead();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{meetingId}/brief")
    @Operation(summary = "The brief as of the meeting: board, figures, overdue list, changes since the previous meeting,"
            + " reports, decisions; format json (default), xlsx or pdf")
    public ResponseEntity<?> brief(@PathVariable String meetingId, @RequestParam(defaultValue = "json") String format) {
        if (!List.of("json", "xlsx", "pdf").contains(format)) {
            throw DomainRuleViolation.invalid("format", "a brief comes as json, xlsx or pdf");
        }
        require(meetingId);
        MeetingBrief brief = queries.query(new FindBrief(meetingId), MeetingBrief.class).join();
        return switch (format) {
            case "xlsx" -> file(BriefWorkbook.of(brief), XLSX, "brief-" + meetingId + ".xlsx");
            case "pdf" -> file(BriefDocument.of(brief), MediaType.APPLICATION_PDF, "brief-" + meetingId + ".pdf");
            default -> ResponseEntity.ok(brief);
        };
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    private MeetingRecord require(String meetingId) {
        MeetingRecord meeting = queries.query(new FindMeeting(meetingId), MeetingRecord.class).join();
        if (meeting == null) {
            throw DomainRuleViolation.notFound("meetingId", "no meeting with id " + meetingId);
        }
        return meeting;
    }
}
