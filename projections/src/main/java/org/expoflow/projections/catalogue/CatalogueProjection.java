package org.expoflow.projections.catalogue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.commands.api.directive.DirectiveCommented;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.directive.DirectiveWithdrawn;
import org.expoflow.commands.api.expo.ExpoPlanned;
import org.expoflow.commands.api.expo.UnitEnrolled;
import org.expoflow.commands.api.directive.UnitFinishedDirective;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.projections.api.ExpoList;
import org.expoflow.projections.api.ExpoSummary;
import org.expoflow.projections.api.FindDirectiveComments;
import org.expoflow.projections.api.FindDirectiveTargets;
import org.expoflow.projections.api.FindExpo;
import org.expoflow.projections.api.ListExpos;
import org.expoflow.projections.support.Databases;
import org.expoflow.projections.support.ReadModelProjection;
import org.expoflow.projections.support.ReadModelWrites;
import org.expoflow.projections.support.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.expoflow.projections.support.ReadModels;

/** Expos, the units enrolled in them, and the directives issued with their targets. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class CatalogueProjection implements ReadModelProjection {

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    /** The catalogue projected live, in the writer's transaction. */
    @Autowired
    public CatalogueProjection(JdbcTemplate jdbc) {
        this(jdbc, ReadModelWrites.live(jdbc));
    }

    public CatalogueProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public CatalogueProjection writingThrough(ReadModelWrites other) {
        return new CatalogueProjection(jdbc, other);
    }

    private void write(String sql, Object... args) {
        writes.update(sql, args);
    }

    @EventHandler
    void on(ExpoPlanned event, @Timestamp Instant at) {
        write("insert into expo_view (expo_id, name, venue, opens_on, closes_on, planned_at) values (?, ?, ?, ?, ?, ?)",
                event.expoId(), event.name(), event.venue(), event.opensOn(), event.closesOn(), Times.utc(at));
    }

    @EventHandler
    void on(UnitEnrolled event, @Timestamp Instant at) {
        write("insert into expo_unit_view (expo_id, unit_id, name, kind, enrolled_at) values (?, ?, ?, ?, ?)",
                event.expoId(), event.unitId(), event.name(), event.kind().name(), Times.utc(at));
    }

    @EventHandler
    void on(DirectiveIssued event, @Timestamp Instant at, @MetaDataValue("actor") String actor) {
        write("insert into directive_view (directive_id, expo_id, kind, title, instructions, due_on, due_at, issued_at,"
                        + " issued_by, meeting_id, report_every) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.directiveId(), event.expoId(), event.kind(), event.title(), event.instructions(), event.dueOn(),
                Times.utc(event.dueAt()), Times.utc(at), actor, event.meetingId(), event.reportEvery());
        event.targets().forEach((figure, target) -> write(
                "insert into directive_target (directive_id, figure, target) values (?, ?, ?)",
                event.directiveId(), figure, target));
        event.unitIds().forEach(unitId -> {
            List<String> cooperating = event.cooperatingUnitsOf(unitId);
            write("insert into directive_unit_view (directive_id, unit_id, expo_id, cooperating_units) values (?, ?, ?, ?)",
                    event.directiveId(), unitId, event.expoId(), cooperating.isEmpty() ? null : String.join(",", cooperating));
        });
    }

    @EventHandler
    void on(UnitFinishedDirective event, @Timestamp Instant at) {
        write("update directive_unit_view set finished_at = ? where directive_id = ? and unit_id = ?",
                Times.utc(at), event.directiveId(), event.unitId());
    }

    @EventHandler
    void on(DirectiveWithdrawn event, @Timestamp Instant at) {
        write("update directive_view set withdrawn_at = ?, withdrawal_reason = ? where directive_id = ?",
                Times.utc(at), event.reason(), event.directiveId());
    }

    @EventHandler
    void on(DirectiveCommented event, @Timestamp Instant at, @SequenceNumber long sequence) {
        write("insert into directive_comment (comment_id, directive_id, expo_id, at, author, text, instruction)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", event.directiveId() + "#" + sequence, event.directiveId(),
                event.expoId(), Times.utc(at), event.author(), event.text(), event.instruction());
    }

    @ResetHandler
    void reset() {
        Databases.empty(jdbc, "directive_comment", "directive_unit_view", "directive_target", "directive_view",
                "expo_unit_view", "expo_view");
    }

    @QueryHandler
    public FindDirectiveComments.Thread handle(FindDirectiveComments query) {
        String title = jdbc.queryForList("select title from directive_view where directive_id = ?", String.class,
                query.directiveId()).stream().findFirst().orElse(null);
        return new FindDirectiveComments.Thread(query.directiveId(), title, jdbc.query("select at, author, text, instruction"
                        + " from directive_comment where directive_id = ? order by at, comment_id",
                (rs, n) -> new FindDirectiveComments.DirectiveComment(Times.instant(rs, "at"), rs.getString("author"),
                        rs.getString("text"), rs.getBoolean("instruction")), query.directiveId()));
    }

    /** A directive's target per unit, by figure, in the order of the figures' keys. */
    @QueryHandler
    public FindDirectiveTargets.Targets handle(FindDirectiveTargets query) {
        Map<String, java.math.BigDecimal> targets = new LinkedHashMap<>();
        jdbc.query("select figure, target from directive_target where directive_id = ? order by figure",
                rs -> { targets.put(rs.getString("figure"), rs.getBigDecimal("target")); }, query.directiveId());
        return new FindDirectiveTargets.Targets(query.directiveId(), targets);
    }

    @QueryHandler
    ExpoSummary handle(FindExpo query) {
        List<ExpoSummary> expos = expos(query.expoId());
        return expos.isEmpty() ? null : expos.get(0);
    }

    @QueryHandler
    ExpoList handle(ListExpos query) {
        return new ExpoList(expos(null));
    }

    /** One expo, or all of them when {@code expoId} is null, each with its enrolled units. */
    private List<ExpoSummary> expos(String expoId) {
        String where = expoId == null ? "" : " where expo_id = ?";
        Object[] args = expoId == null ? new Object[0] : new Object[] {expoId};
        Map<String, List<ExpoSummary.EnrolledUnit>> unitsByExpo = new LinkedHashMap<>();
        jdbc.query("select expo_id, unit_id, name, kind from expo_unit_view" + where + " order by expo_id, unit_id", rs -> {
            unitsByExpo.computeIfAbsent(rs.getString("expo_id"), id -> new java.util.ArrayList<>())
                    .add(new ExpoSummary.EnrolledUnit(rs.getString("unit_id"), rs.getString("name"),
                            UnitKind.valueOf(rs.getString("kind"))));
        }, args);
        return jdbc.query("select * from expo_view" + where + " order by opens_on, expo_id",
                (rs, n) -> new ExpoSummary(rs.getString("expo_id"), rs.getString("name"), rs.getString("venue"),
                        rs.getObject("opens_on", java.time.LocalDate.class),
                        rs.getObject("closes_on", java.time.LocalDate.class),
                        List.copyOf(unitsByExpo.getOrDefault(rs.getString("expo_id"), List.of()))),
                args);
    }
}
