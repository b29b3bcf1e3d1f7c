package org.expoflow.commands.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.expoflow.commands.api.meeting.CloseMeeting;
import org.expoflow.commands.api.meeting.ConveneMeeting;
import org.expoflow.commands.api.meeting.DecisionRecorded;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.meeting.MeetingClosed;
import org.expoflow.commands.api.meeting.MeetingConvened;
import org.expoflow.commands.api.meeting.RecordDecision;
import org.expoflow.commands.api.meeting.RecordUnitReport;
import org.expoflow.commands.api.meeting.UnitReportRecorded;

/**
 * A coordination meeting on an expo, such as the second preparatory meeting for Osaka.
 * <p>
 * Lifecycle: leadership or the expo office <em>convenes</em> it; from that moment its brief is taken as of
 * then, so it can be produced again, identical, at any later time. During the meeting each unit's
 * <em>report</em> (progress, problems met, suggestions) and the <em>decisions</em> are recorded; a decision
 * may issue directives, which keep the meeting's id. <em>Closing</em> the meeting freezes its record.
 */
public class Meeting {

    @AggregateIdentifier
    private String meetingId;
    private String expoId;
    private final Set<String> decisions = new HashSet<>();
    private boolean closed;

    protected Meeting() {
        // for event sourcing
    }

    @CommandHandler
    public Meeting(ConveneMeeting command) {
        MeetingPolicy.checkMayRecord(command.actor(), "convene a coordination meeting");
        if (command.title() == null || command.title().isBlank()) {
            throw DomainRuleViolation.invalid("title", "a meeting needs a title");
        }
        if (command.heldAt() == null) {
            throw DomainRuleViolation.invalid("heldAt", "say when the meeting is held");
        }
        apply(new MeetingConvened(command.meetingId(), command.expoId(), command.title().strip(), command.heldAt(),
                command.convenedAt()));
    }

    @CommandHandler
    public void handle(RecordUnitReport command) {
        MeetingPolicy.checkMayRecord(command.actor(), "record a unit's report");
        checkOpen();
        if (command.unitId() == null || command.unitId().isBlank()) {
            throw DomainRuleViolation.invalid("unitId", "name the unit that reports");
        }
        apply(new UnitReportRecorded(meetingId, command.unitId(), command.progress(), command.problems(),
                command.suggestions()));
    }

    @CommandHandler
    public void handle(RecordDecision command) {
        MeetingPolicy.checkMayRecord(command.actor(), "record a decision");
        checkOpen();
        if (command.text() == null || command.text().isBlank()) {
            throw DomainRuleViolation.invalid("text", "a decision says what was decided");
        }
        if (decisions.contains(command.decisionId())) {
            return;
        }
        apply(new DecisionRecorded(meetingId, command.decisionId(), command.text().strip(),
                command.directiveIds() == null ? List.of() : List.copyOf(command.directiveIds())));
    }

    @CommandHandler
    public void handle(CloseMeeting command) {
        MeetingPolicy.checkMayRecord(command.actor(), "close a meeting");
        checkOpen();
        apply(new MeetingClosed(meetingId, expoId));
    }

    private void checkOpen() {
        if (closed) {
            throw DomainRuleViolation.conflict("meeting " + meetingId + " is closed: its record is frozen").coded("meetingClosed");
        }
    }

    @EventSourcingHandler
    void on(MeetingConvened event) {
        meetingId = event.meetingId();
        expoId = event.expoId();
    }

    @EventSourcingHandler
    void on(DecisionRecorded event) {
        decisions.add(event.decisionId());
    }

    @EventSourcingHandler
    void on(MeetingClosed event) {
        closed = true;
    }
}
