package org.expoflow.projections.review;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.commands.api.meeting.DecisionRecorded;
import org.expoflow.commands.api.meeting.MeetingClosed;
import org.expoflow.commands.api.meeting.MeetingConvened;
import org.expoflow.commands.api.meeting.UnitReportRecorded;
import org.expoflow.projections.api.FindMeeting;
import org.expoflow.projections.api.FindMeetings;
import org.expoflow.projections.api.MeetingRecord;
import org.expoflow.projections.support.ReadModelProjection;
import org.expoflow.projections.support.ReadModelWrites;
import org.expoflow.projections.support.ReadModels;
import org.expoflow.projections.support.Databases;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of every coordination meeting: when, as of what instant, the units' reports, the decisions. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class MeetingProjection implements ReadModelProjection {

    private final JdbcTemplate jdbc;

    public MeetingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A meeting's few rows are written at once by any writer: it numbers its reports and decisions from them. */
    @Override
    public MeetingProjection writingThrough(ReadModelWrites writes) {
        return this;
    }

    @EventHandler
    void on(MeetingConvened event) {
        jdbc.update("insert into meeting_view (meeting_id, expo_id, title, held_at, as_of) values (?, ?, ?, ?, ?)",
                event.meetingId(), event.expoId(), event.title(), Times.utc(event.heldAt()), Times.utc(event.asOf()));
    }

    @EventHandler
    void on(UnitReportRecorded event) {
        Integer last = jdbc.queryForObject("select max(seq) from meeting_report where meeting_id = ?", Integer.class,
                event.meetingId());
        jdbc.update("insert into meeting_report (meeting_id, seq, unit_id, progress, problems, suggestions) values (?, ?, ?, ?, ?, ?)",
                event.meetingId(), last == null ? 1 : last + 1, event.unitId(), event.progress(), event.problems(),
                event.suggestions());
    }

    @EventHandler
    void on(DecisionRecorded event) {
        Integer last = jdbc.queryForObject("select max(seq) from meeting_decision where meeting_id = ?", Integer.class,
                event.meetingId());
        jdbc.update("insert into meeting_decision (meeting_id, decision_id, seq, text, directive_ids) values (?, ?, ?, ?, ?)",
                event.meetingId(), event.decisionId(), last == null ? 1 : last + 1, event.text(),
                event.directiveIds().isEmpty() ? null : String.join(",", event.directiveIds()));
    }

    @EventHandler
    void on(MeetingClosed event, @Timestamp Instant at) {
        jdbc.update("update meeting_view set closed_at = ? where meeting_id = ?", Times.utc(at), event.meetingId());
    }

    @ResetHandler
    void reset() {
        Databases.empty(jdbc, "meeting_decision", "meeting_report", "meeting_view");
    }

    @QueryHandler
    MeetingRecord handle(FindMeeting query) {
        List<MeetingRecord> found = meetings("m.meeting_id = ?", query.meetingId());
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    List<MeetingRecord> handle(FindMeetings query) {
        return meetings("m.expo_id = ?", query.expoId());
    }

    /** The meeting of the same expo held just before this one (by the instant its brief is taken as of). */
    public MeetingRecord previous(MeetingRecord meeting) {
        List<String> ids = jdbc.queryForList("select meeting_id from meeting_view where expo_id = ? and as_of < ?"
                + " order by as_of desc, meeting_id desc", String.class, meeting.expoId(), Times.utc(meeting.asOf()));
        return ids.isEmpty() ? null : handle(new FindMeeting(ids.get(0)));
    }

    private List<MeetingRecord> meetings(String where, String key) {
        return jdbc.query("select * from meeting_view m where " + where + " order by m.as_of, m.meeting_id", (rs, n) -> {
            String meetingId = rs.getString("meeting_id");
            List<MeetingRecord.UnitReport> reports = jdbc.query(
                    "select * from meeting_report where meeting_id = ? order by seq", (r, i) -> new MeetingRecord.UnitReport(
                            r.getString("unit_id"), r.getString("progress"), r.getString("problems"), r.getString("suggestions")),
                    meetingId);
            List<MeetingRecord.Decision> decisions = jdbc.query(
                    "select * from meeting_decision where meeting_id = ? order by seq", (r, i) -> new MeetingRecord.Decision(
                            r.getString("decision_id"), r.getString("text"), r.getString("directive_ids") == null ? List.of()
                                    : Arrays.asList(r.getString("directive_ids").split(","))),
                    meetingId);
            return new MeetingRecord(meetingId, rs.getString("expo_id"), rs.getString("title"), Times.instant(rs, "held_at"),
                    Times.instant(rs, "as_of"), Times.instant(rs, "closed_at"), reports, decisions);
        }, key);
    }
}
