package org.expoflow.workflow.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.meeting.CloseMeeting;
import org.expoflow.commands.api.meeting.ConveneMeeting;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.directive.IssueDirective;
import org.expoflow.commands.api.meeting.RecordDecision;
import org.expoflow.commands.api.meeting.RecordUnitReport;
import org.expoflow.projections.api.FindBrief;
import org.expoflow.projections.api.FindMeeting;
import org.expoflow.projections.api.FindMeetings;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.MeetingRecord;
import org.expoflow.workflow.application.PlanningWindow;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.units.UnitRegister;
import org.expoflow.workflow.briefs.BriefDocument;
import org.expoflow.workflow.briefs.BriefLanguage;
import org.expoflow.workflow.briefs.BriefTables;
import org.expoflow.workflow.briefs.BriefText;
import org.expoflow.workflow.briefs.BriefWordDocument;
import org.expoflow.workflow.briefs.BriefWorkbook;
import org.expoflow.workflow.briefs.BriefWriter;
import org.expoflow.workflow.briefs.Spreadsheet;
import org.expoflow.workflow.application.OfficeFile;
import org.expoflow.workflow.directives.DirectiveWork;
import org.expoflow.workflow.directives.DirectiveWork.IssueDirectiveRequest;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.security.UserDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A coordination meeting's life: convened by leadership or the expo office (its brief is taken as of that
 * moment), the units' reports and the decisions recorded (a decision may issue directives of the meeting's
 * expo), then closed, which freezes its record. Its brief comes as data, or written as the office writes one, as a
 * PDF, a Word document or a spreadsheet.
 */
@Service
@PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
public class MeetingWork {

    private final ActingContext acting;
    private final QueryGateway queries;
    private final DirectiveWork directives;
    private final ExpoWork expos;
    private final Clock clock;
    private final RequestRules rules;
    private final ZoneId provinceZone;
    private final UserDirectory users;
    private final UnitRegister register;
    private final BriefWriter writer;
    private final BriefsOneAtATime briefs;
    private final KeptBriefs keptBriefs;

    public MeetingWork(ActingContext acting, QueryGateway queries, DirectiveWork directives,
                       ExpoWork expos, Clock clock, RequestRules rules, @Value("${expoflow.time-zone}") ZoneId provinceZone,
                       UserDirectory users, UnitRegister register, BriefWriter writer, BriefsOneAtATime briefs,
                       KeptBriefs keptBriefs) {
        this.briefs = briefs;
        this.keptBriefs = keptBriefs;
        this.register = register;
        this.writer = writer;
        this.acting = acting;
        this.queries = queries;
        this.directives = directives;
        this.expos = expos;
        this.clock = clock;
        this.rules = rules;
        this.provinceZone = provinceZone;
        this.users = users;
    }

    public record ConveneRequest(@NotBlank String expoId, @NotBlank @Size(max = 300) String title, @NotNull Instant heldAt) {
    }

    public record ReportRequest(@NotBlank String unitId, @Size(max = 4000) String progress, @Size(max = 4000) String problems,
                                @Size(max = 4000) String suggestions) {
    }

    public record DecisionRequest(@NotBlank @Size(max = 4000) String text,
                                  @Size(max = 20) List<@Valid IssueDirectiveRequest> directives) {
    }

    /** A decision recorded, with the directives it issued. */
    public record Decision(String id, List<String> directiveIds) {
    }

    /** Convenes a meeting; its id. */
    public String convene(ConveneRequest request) {
        rules.check(request);
        PlanningWindow.check("heldAt", request.heldAt());
        expos.get(request.expoId());
        String meetingId = UUID.randomUUID().toString();
        acting.send(new ConveneMeeting(acting.currentActor(), meetingId, request.expoId(), request.title(), request.heldAt(),
                clock.instant()));
        return meetingId;
    }

    /** The meetings of an expo, in the order they were held. */
    public List<MeetingRecord> list(String expoId) {
        return queries.query(new FindMeetings(expoId), ResponseTypes.multipleInstancesOf(MeetingRecord.class)).join();
    }

    /** A meeting's record; refused (404, field {@code meetingId}) when there is none. */
    public MeetingRecord get(String meetingId) {
        MeetingRecord meeting = queries.query(new FindMeeting(meetingId), MeetingRecord.class).join();
        if (meeting == null) {
            throw DomainRuleViolation.notFound("meetingId", "no meeting with id " + meetingId).coded("noMeeting");
        }
        return meeting;
    }

    public void report(String meetingId, ReportRequest request) {
        rules.check(request);
        MeetingRecord meeting = get(meetingId);
        expos.requireEnrolled(meeting.expoId(), request.unitId());
        acting.send(new RecordUnitReport(meetingId, acting.currentActor(), request.unitId(), request.progress(),
                request.problems(), request.suggestions()));
    }

    public Decision decide(String meetingId, DecisionRequest request) {
        rules.check(request);
        MeetingRecord meeting = get(meetingId);
        if (meeting.closedAt() != null) {
            throw DomainRuleViolation.conflict("meeting " + meetingId + " is closed: its record is frozen").coded("meetingClosed");
        }
        List<IssueDirective> issued = new ArrayList<>();
        List<IssueDirectiveRequest> asked = request.directives() == null ? List.of() : request.directives();
        for (int i = 0; i < asked.size(); i++) {
            if (!asked.get(i).expoId().equals(meeting.expoId())) {
                throw DomainRuleViolation.invalid("directives[" + i + "].expoId", "a meeting issues directives of its own expo")
                        .coded("meetingOtherExpo");
            }
            issued.add(directives.commandFor(asked.get(i), "directives[" + i + "].", meetingId));
        }
        for (int i = 0; i < issued.size(); i++) {
            try {
                acting.send(issued.get(i));
            } catch (RuntimeException refused) {
                throw directives.kindCannotStart(asked.get(i).kind(), refused, "directives[" + i + "].kind");
            }
        }
        String decisionId = UUID.randomUUID().toString();
        List<String> directiveIds = issued.stream().map(IssueDirective::directiveId).toList();
        acting.send(new RecordDecision(meetingId, acting.currentActor(), decisionId, request.text(), directiveIds));
        return new Decision(decisionId, directiveIds);
    }

    public void close(String meetingId) {
        get(meetingId);
        acting.send(new CloseMeeting(meetingId, acting.currentActor()));
    }

    /** The brief as of the meeting: board, figures, overdue list, changes since the previous meeting, reports, decisions. */
    public MeetingBrief brief(String meetingId) {
        get(meetingId);
        return briefs.write(() -> briefOf(meetingId));
    }

    private MeetingBrief briefOf(String meetingId) {
        MeetingBrief brief = queries.query(new FindBrief(meetingId), MeetingBrief.class).join();
        // units in the register's order (沈阳、大连、鞍山…), on the board and the figures alike
        return new MeetingBrief(brief.meeting(), brief.previousMeetingId(), brief.previousAsOf(), register.inOrder(brief.board()),
                register.inOrder(brief.figures()), brief.overdue(), brief.changes(), brief.instructions(), brief.notified(),
                brief.chaseUps(), brief.extensions(), brief.progress());
    }

    /**
     * The brief as a spreadsheet ({@code xlsx}), a PDF ({@code pdf}) or a Word document ({@code docx}), named after the
     * expo, the meeting and its day, written in the reader's language, or in Chinese and English when {@code bilingual},
     * its times in the province's zone.
     */
    public OfficeFile briefFile(String meetingId, String format, boolean bilingual) {
        if (!List.of("xlsx", "pdf", "docx").contains(format)) {
            throw DomainRuleViolation.invalid("format", "a brief comes as json, xlsx, pdf or docx").coded("briefFormat", format);
        }
        MeetingRecord meeting = get(meetingId);
        BriefLanguage language = BriefLanguage.of(LocaleContextHolder.getLocale(), bilingual);
        KeptBriefs.BriefKey key = new KeptBriefs.BriefKey(meeting, issue(meeting), format, language,
                List.of(register.all(), users.displayNames()));
        return keptBriefs.file(key, () -> {
            MeetingBrief brief = briefOf(meetingId);
            String name = BriefTables.fileName(brief, provinceZone, format);
            BriefText text = writer.write(brief, key.issue(), key.language(), provinceZone, users.displayNames());
            return switch (format) {
                case "xlsx" -> new OfficeFile(name, Spreadsheet.CONTENT_TYPE, BriefWorkbook.of(text, brief.meeting().asOf()));
                case "docx" -> new OfficeFile(name, BriefWordDocument.CONTENT_TYPE, BriefWordDocument.of(text, brief.meeting().asOf()));
                default -> new OfficeFile(name, "application/pdf", BriefDocument.of(text));
            };
        });
    }

    /** Which of its expo's meetings this one is, counted from 1 in the order they were held: the brief's issue (第3期). */
    private int issue(MeetingRecord meeting) {
        List<MeetingRecord> held = list(meeting.expoId());
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i).meetingId().equals(meeting.meetingId())) {
                return i + 1;
            }
        }
        return held.size() + 1;
    }
}
