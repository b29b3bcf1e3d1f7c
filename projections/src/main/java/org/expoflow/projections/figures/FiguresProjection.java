package org.expoflow.projections.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.commands.api.ProgressReported;
import org.expoflow.commands.api.TaskCompleted;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FiguresReport.FigureAgainstTarget;
import org.expoflow.projections.api.FiguresReport.UnitFigures;
import org.expoflow.projections.api.FindFigures;
import org.expoflow.projections.support.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.expoflow.projections.support.ReadModels;

/**
 * Figures reported by the units. A unit's figure on a directive is the latest value it reported
 * (reports are running totals, not increments); a unit's total sums its directives, the expo's its units.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class FiguresProjection {

    private final JdbcTemplate jdbc;

    public FiguresProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProgressReported event, @Timestamp Instant at) {
        record(event.directiveId(), event.unitId(), event.figures(), at);
    }

    @EventHandler
    void on(TaskCompleted event, @Timestamp Instant at) {
        record(event.directiveId(), event.unitId(), event.figures(), at);
    }

    private void record(String directiveId, String unitId, Map<String, BigDecimal> figures, Instant at) {
        figures.forEach((figure, value) -> {
            int updated = jdbc.update("update unit_figure set figure_value = ?, reported_at = ?"
                    + " where directive_id = ? and unit_id = ? and figure = ?", value, Times.utc(at), directiveId, unitId, figure);
            if (updated == 0) {
                jdbc.update("insert into unit_figure (expo_id, directive_id, unit_id, figure, figure_value, reported_at)"
                                + " select expo_id, ?, ?, ?, ?, ? from directive_unit_view where directive_id = ? and unit_id = ?",
                        directiveId, unitId, figure, value, Times.utc(at), directiveId, unitId);
            }
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from unit_figure");
    }

    @QueryHandler
    FiguresReport handle(FindFigures query) {
        Map<String, String> unitNames = new LinkedHashMap<>();
        jdbc.query("select unit_id, name from expo_unit_view where expo_id = ? order by unit_id",
                rs -> { unitNames.put(rs.getString("unit_id"), rs.getString("name")); }, query.expoId());
        Map<String, Map<String, BigDecimal>> values = new TreeMap<>();
        jdbc.query("select unit_id, figure, sum(figure_value) as total from unit_figure where expo_id = ? group by unit_id, figure",
                rs -> {
                    values.computeIfAbsent(rs.getString("unit_id"), u -> new TreeMap<>())
                            .put(rs.getString("figure"), rs.getBigDecimal("total").stripTrailingZeros());
                }, query.expoId());
        Map<String, Map<String, BigDecimal>> targets = new TreeMap<>();
        jdbc.query("select u.unit_id, t.figure, sum(t.target) as total from directive_unit_view u"
                        + " join directive_target t on t.directive_id = u.directive_id where u.expo_id = ? group by u.unit_id, t.figure",
                rs -> {
                    targets.computeIfAbsent(rs.getString("unit_id"), u -> new TreeMap<>())
                            .put(rs.getString("figure"), rs.getBigDecimal("total").stripTrailingZeros());
                }, query.expoId());

        Map<String, BigDecimal> totalValues = new TreeMap<>();
        Map<String, BigDecimal> totalTargets = new TreeMap<>();
        List<UnitFigures> units = unitNames.entrySet().stream().map(unit -> {
            Map<String, BigDecimal> unitValues = values.getOrDefault(unit.getKey(), Map.of());
            Map<String, BigDecimal> unitTargets = targets.getOrDefault(unit.getKey(), Map.of());
            unitValues.forEach((figure, value) -> totalValues.merge(figure, value, BigDecimal::add));
            unitTargets.forEach((figure, target) -> totalTargets.merge(figure, target, BigDecimal::add));
            return new UnitFigures(unit.getKey(), unit.getValue(), againstTargets(unitValues, unitTargets));
        }).toList();
        return new FiguresReport(query.expoId(), units, againstTargets(totalValues, totalTargets));
    }

    private static Map<String, FigureAgainstTarget> againstTargets(Map<String, BigDecimal> values,
                                                                 Map<String, BigDecimal> targets) {
        Map<String, FigureAgainstTarget> result = new TreeMap<>();
        values.forEach((figure, value) -> result.put(figure, new FigureAgainstTarget(value, targets.get(figure))));
        targets.forEach((figure, target) -> result.putIfAbsent(figure, new FigureAgainstTarget(BigDecimal.ZERO, target)));
        return result;
    }
}
