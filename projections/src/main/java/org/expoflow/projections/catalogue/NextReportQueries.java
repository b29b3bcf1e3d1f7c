package org.expoflow.projections.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.projections.api.FindNextReports;
import org.expoflow.projections.api.NextReports;
import org.expoflow.projections.api.TaskStatus;
import org.expoflow.projections.support.ReportingDue;
import org.expoflow.projections.support.Times;
import org.expoflow.projections.tasks.UnitStepReadings;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The next progress report each unit owes on the directives that want one every so often (下次汇报), as the board
 * judges it ({@link ReportingDue}): for a clerk's list and step, and for the office, which sees the reports missed.
 */
@Component
public class NextReportQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitStepReadings unitSteps;
    private final Clock clock;

    public NextReportQueries(NamedParameterJdbcTemplate jdbc, UnitStepReadings unitSteps, Clock clock) {
        this.jdbc = jdbc;
        this.unitSteps = unitSteps;
        this.clock = clock;
    }

    private record Open(String directiveId, String title, String unitId, String reportEvery, Instant issuedAt) {
    }

    @QueryHandler
    public NextReports handle(FindNextReports query) {
        if (query.expoId() == null && (query.directiveIds() == null || query.directiveIds().isEmpty())) {
            return new NextReports(List.of());
        }
        StringBuilder sql = new StringBuilder("select u.unit_id, u.directive_id, d.title, d.report_every, d.issued_at"
                + " from directive_unit_view u join directive_view d on d.directive_id = u.directive_id"
                + " where d.report_every is not null and u.finished_at is null and d.withdrawn_at is null");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.expoId() != null) {
            sql.append(" and d.expo_id = :expo");
            params.addValue("expo", query.expoId());
        }
        if (query.directiveIds() != null && !query.directiveIds().isEmpty()) {
            sql.append(" and u.directive_id in (:directives)");
            params.addValue("directives", List.copyOf(query.directiveIds()));
        }
        List<Open> open = jdbc.query(sql.toString(), params, (rs, n) -> new Open(rs.getString("directive_id"),
                rs.getString("title"), rs.getString("unit_id"), rs.getString("report_every"), Times.instant(rs, "issued_at")));
        if (open.isEmpty()) {
            return new NextReports(List.of());
        }
        Map<String, List<UnitStepReadings.UnitStep>> steps = unitSteps.unitStepsOfDirectives(
                        open.stream().map(Open::directiveId).distinct().toList()).stream()
                .collect(Collectors.groupingBy(step -> step.directiveId() + "/" + step.unitId()));
        Instant now = clock.instant();
        List<NextReports.NextReport> reports = new ArrayList<>();
        for (Open assignment : open) {
            Instant last = assignment.issuedAt();
            for (UnitStepReadings.UnitStep step : steps.getOrDefault(assignment.directiveId() + "/" + assignment.unitId(), List.of())) {
                last = ReportingDue.heardOf(last, step.latestReportAt(), step.status() == TaskStatus.COMPLETED, step.closedAt());
            }
            Instant dueAt = ReportingDue.after(assignment.reportEvery(), last);
            if (dueAt != null) {
                reports.add(new NextReports.NextReport(assignment.directiveId(), assignment.title(), assignment.unitId(),
                        assignment.reportEvery(), dueAt, dueAt.isBefore(now)));
            }
        }
        return new NextReports(reports);
    }
}
