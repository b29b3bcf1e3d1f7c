package org.expoflow.projections.figures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FiguresReport.DirectiveFigures;
import org.expoflow.projections.api.FiguresReport.FigureAgainstTarget;
import org.expoflow.projections.api.FiguresReport.UnitFigures;
import org.expoflow.projections.api.FigureTotals;
import org.expoflow.projections.api.FindFigureTotals;
import org.expoflow.projections.api.FindFigures;
import org.expoflow.projections.support.Databases;
import org.expoflow.projections.support.ReadModelProjection;
import org.expoflow.projections.support.ReadModelWrites;
import org.expoflow.projections.support.ReplayWrites;
import org.expoflow.projections.support.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.expoflow.projections.support.ReadModels;

/**
 * Figures reported by the units. A unit's figure on a directive is the latest value it reported
 * (reports are running totals, not increments); a unit's total sums its directives, the expo's its units.
 * Every value is kept with the time it held from, so the figures can be told as of any past instant.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class FiguresProjection implements ReadModelProjection {

    /** Live, each version written at once; in a rebuild, each written once, with its end, by {@code COPY}. */
    private static final ReadModelWrites.Rows<FigureVersions> FIGURE_VERSIONS = new ReadModelWrites.Rows<>() {
        @Override
        public FigureVersions now(JdbcTemplate jdbc) {
            return new LiveFigureVersions(jdbc);
        }

        @Override
        public FigureVersions batched(ReplayWrites writes) {
            return writes.buffer(BufferedFigureVersions.class, w -> new BufferedFigureVersions(w.jdbc()));
        }
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final FigureVersions versions;
    private final boolean postgres;
    private final Map<String, KeptTargets> keptTargets = new ConcurrentHashMap<>();

    /** The figures projected live, in the writer's transaction. */
    @Autowired
    public FiguresProjection(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, ReadModelWrites.live(jdbc));
    }

    public FiguresProjection(JdbcTemplate jdbc, Clock clock, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.versions = writes.rows(FIGURE_VERSIONS);
        this.postgres = Databases.isPostgres(jdbc.getDataSource());
    }

    @Override
    public FiguresProjection writingThrough(ReadModelWrites writes) {
        return new FiguresProjection(jdbc, clock, writes);
    }

    @EventHandler
    void on(DirectiveIssued event) {
        versions.issued(event.directiveId(), event.expoId(), event.unitIds());
    }

    @EventHandler
    void on(ProgressReported event, @Timestamp Instant at) {
        record(event.directiveId(), event.unitId(), event.figures(), at);
    }

    @EventHandler
    void on(TaskCompleted event, @Timestamp Instant at) {
        record(event.directiveId(), event.unitId(), event.figures(), at);
    }

    /** Each reported figure closes the version in force and opens its own. */
    private void record(String directiveId, String unitId, Map<String, BigDecimal> figures, Instant at) {
        OffsetDateTime from = Times.utc(at);
        figures.forEach((figure, value) -> versions.report(directiveId, unitId, figure, value, from));
    }

    @Override
    public List<String> tables() {
        return List.of("unit_figure_version");
    }

    @ResetHandler
    void reset() {
        Databases.empty(jdbc, tables().toArray(String[]::new));
    }

    @QueryHandler
    public FiguresReport figures(FindFigures query) {
        Instant asOf = query.asOf() != null ? query.asOf() : clock.instant();
        Map<String, String> unitNames = new LinkedHashMap<>();
        jdbc.query("select unit_id, name from expo_unit_view where expo_id = ? and (enrolled_at is null or enrolled_at <= ?)"
                        + " order by unit_id",
                rs -> { unitNames.put(rs.getString("unit_id"), rs.getString("name")); }, query.expoId(), Times.utc(asOf));
        // asked for now, the versions in force are those not yet replaced (found by a partial index on
        // PostgreSQL) rather than every version of the expo that began before now
        boolean present = query.asOf() == null;
        // summed by the database, by unit and by directive: read row by row and summed here, the versions and
        // targets took most of the answer's time (docs/performance.md, "What was kept, and what it gave")
        String inForce = present ? "valid_to is null" : "valid_from <= ? and (valid_to is null or valid_to > ?)";
        Object[] versions = present ? new Object[] {query.expoId()} : new Object[] {query.expoId(), Times.utc(asOf), Times.utc(asOf)};
        Map<String, Map<String, BigDecimal>> values = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> directiveValues = new TreeMap<>();
        // a row is a unit's sum of a figure or, with no unit, a directive's
        RowCallbackHandler summed = rs -> {
            String unitId = rs.getString("unit_id");
            if (unitId != null) {
                sum(values, unitId, rs.getString("figure"), rs.getBigDecimal("total"));
            } else {
                sum(directiveValues, rs.getString("directive_id"), rs.getString("figure"), rs.getBigDecimal("total"));
            }
        };
        String versionsInForce = " from unit_figure_version where expo_id = ? and " + inForce;
        if (postgres) {
            // both sums from one reading of the versions (grouping sets), cheaper than two (docs/performance.md)
            jdbc.query("select unit_id, directive_id, figure, sum(figure_value) as total" + versionsInForce
                    + " group by grouping sets ((unit_id, figure), (directive_id, figure))", summed, versions);
        } else { // H2 has no grouping sets
            jdbc.query("select unit_id, figure, sum(figure_value) as total" + versionsInForce + " group by unit_id, figure",
                    summed, versions);
            jdbc.query("select cast(null as varchar) as unit_id, directive_id, figure, sum(figure_value) as total" + versionsInForce
                    + " group by directive_id, figure", summed, versions);
        }
        ExpoTargets expoTargets = present ? presentTargets(query.expoId(), asOf) : targets(query.expoId(), asOf);
        Map<String, String> directiveTitles = expoTargets.titles();
        Map<String, Map<String, BigDecimal>> targets = expoTargets.byUnit();
        Map<String, Map<String, BigDecimal>> directiveTargets = expoTargets.byDirective();
        strip(values);
        strip(directiveValues);
        List<DirectiveFigures> directives = directiveTitles.entrySet().stream()
                .map(d -> new DirectiveFigures(d.getKey(), d.getValue(), againstTargets(
                        directiveValues.getOrDefault(d.getKey(), Map.of()), directiveTargets.getOrDefault(d.getKey(), Map.of()))))
                .filter(d -> !d.figures().isEmpty())
                .toList();

        Map<String, BigDecimal> totalValues = new TreeMap<>();
        Map<String, BigDecimal> totalTargets = new TreeMap<>();
        List<UnitFigures> units = unitNames.entrySet().stream().map(unit -> {
            Map<String, BigDecimal> unitValues = values.getOrDefault(unit.getKey(), Map.of());
            Map<String, BigDecimal> unitTargets = targets.getOrDefault(unit.getKey(), Map.of());
            unitValues.forEach((figure, value) -> totalValues.merge(figure, value, BigDecimal::add));
            unitTargets.forEach((figure, target) -> totalTargets.merge(figure, target, BigDecimal::add));
            return new UnitFigures(unit.getKey(), unit.getValue(), againstTargets(unitValues, unitTargets));
        }).toList();
        return new FiguresReport(query.expoId(), asOf, units, directives, againstTargets(totalValues, totalTargets));
    }

    /**
     * The totals alone, summed by unit in the database and over the units enrolled here: the board shows the expo's and a
     * city's page its own, and working out the figures of each of a province's 950 directives for them was most of
     * those pages' time (docs/performance.md, "A province's morning").
     */
    @QueryHandler
    public FigureTotals totals(FindFigureTotals query) {
        Instant asOf = query.asOf() != null ? query.asOf() : clock.instant();
        boolean present = query.asOf() == null;
        List<Object> arguments = new ArrayList<>(List.of(query.expoId(), Times.utc(asOf)));
        List<String> enrolled = jdbc.queryForList("select unit_id from expo_unit_view where expo_id = ?"
                + " and (enrolled_at is null or enrolled_at <= ?)", String.class, arguments.toArray());
        arguments = new ArrayList<>(List.of(query.expoId()));
        String inForce = present ? "valid_to is null" : "valid_from <= ? and (valid_to is null or valid_to > ?)";
        if (!present) {
            arguments.addAll(List.of(Times.utc(asOf), Times.utc(asOf)));
        }
        String ofUnit = "";
        if (query.unitId() != null) {
            ofUnit = " and unit_id = ?";
            arguments.add(query.unitId());
        }
        Map<String, Map<String, BigDecimal>> values = new TreeMap<>();
        jdbc.query("select unit_id, figure, sum(figure_value) as total from unit_figure_version where expo_id = ? and " + inForce
                        + ofUnit + " group by unit_id, figure",
                rs -> { sum(values, rs.getString("unit_id"), rs.getString("figure"), rs.getBigDecimal("total")); },
                arguments.toArray());
        strip(values);
        Map<String, Map<String, BigDecimal>> targets = (present ? presentTargets(query.expoId(), asOf) : targets(query.expoId(), asOf))
                .byUnit();
        Map<String, BigDecimal> totalValues = new TreeMap<>();
        Map<String, BigDecimal> totalTargets = new TreeMap<>();
        enrolled.stream().filter(unitId -> query.unitId() == null || query.unitId().equals(unitId)).forEach(unitId -> {
            values.getOrDefault(unitId, Map.of()).forEach((figure, value) -> totalValues.merge(figure, value, BigDecimal::add));
            targets.getOrDefault(unitId, Map.of()).forEach((figure, target) -> totalTargets.merge(figure, target, BigDecimal::add));
        });
        return new FigureTotals(query.expoId(), asOf, query.unitId(), againstTargets(totalValues, totalTargets));
    }

    /**
     * The directives issued by {@code asOf}, in the board's order, and their targets summed by unit and by
     * directive: a directive's target is each unit's that received it, a unit's the sum over its directives.
     */
    private record ExpoTargets(Map<String, String> titles, Map<String, Map<String, BigDecimal>> byUnit,
                               Map<String, Map<String, BigDecimal>> byDirective) {
    }

    /** How many directives an expo has had issued, and when the last: what its targets depend on. */
    private record Issued(long directives, Instant lastIssuedAt) {
    }

    /** An expo's targets, and what had been issued when they were read. */
    private record KeptTargets(Issued issued, ExpoTargets targets) {
    }

    /**
     * The present targets, kept per expo on each node until a directive is issued: nothing else changes them
     * (a directive's units and targets are set at its issue), and summing them read every assignment of the
     * expo, much of the figures' answer (docs/performance.md). Whether one was issued since is asked of
     * the database at every request, so a node sees at once a directive issued on another.
     */
    private ExpoTargets presentTargets(String expoId, Instant now) {
        Issued issued = jdbc.queryForObject("select count(*) as directives, max(issued_at) as last_issued_at"
                        + " from directive_view where expo_id = ?",
                (rs, n) -> new Issued(rs.getLong("directives"), Times.instant(rs, "last_issued_at")), expoId);
        KeptTargets kept = keptTargets.get(expoId);
        if (kept != null && kept.issued().equals(issued)) {
            return kept.targets();
        }
        ExpoTargets targets = targets(expoId, now);
        keptTargets.put(expoId, new KeptTargets(issued, targets));
        return targets;
    }

    private ExpoTargets targets(String expoId, Instant asOf) {
        Map<String, String> directiveTitles = new LinkedHashMap<>();
        jdbc.query("select d.directive_id, d.title from directive_view d where d.expo_id = ? and d.issued_at <= ?"
                        + " order by d.issued_at, d.directive_id",
                rs -> { directiveTitles.put(rs.getString("directive_id"), rs.getString("title")); }, expoId, Times.utc(asOf));
        String targetsOfUnits = " from directive_unit_view u join directive_target t on t.directive_id = u.directive_id"
                + " join directive_view d on d.directive_id = u.directive_id where u.expo_id = ? and d.issued_at <= ?";
        Map<String, Map<String, BigDecimal>> targets = new TreeMap<>();
        jdbc.query("select u.unit_id, t.figure, sum(t.target) as total" + targetsOfUnits + " group by u.unit_id, t.figure",
                rs -> { sum(targets, rs.getString("unit_id"), rs.getString("figure"), rs.getBigDecimal("total")); },
                expoId, Times.utc(asOf));
        Map<String, Map<String, BigDecimal>> directiveTargets = new TreeMap<>();
        jdbc.query("select t.directive_id, t.figure, t.target, count(*) as units" + targetsOfUnits
                        + " group by t.directive_id, t.figure, t.target",
                rs -> { sum(directiveTargets, rs.getString("directive_id"), rs.getString("figure"),
                        rs.getBigDecimal("target").multiply(BigDecimal.valueOf(rs.getLong("units")))); },
                expoId, Times.utc(asOf));
        strip(targets);
        strip(directiveTargets);
        return new ExpoTargets(directiveTitles, targets, directiveTargets);
    }

    private static void sum(Map<String, Map<String, BigDecimal>> sums, String key, String figure, BigDecimal value) {
        sums.computeIfAbsent(key, k -> new TreeMap<>()).merge(figure, value, BigDecimal::add);
    }

    private static void strip(Map<String, Map<String, BigDecimal>> sums) {
        sums.values().forEach(figures -> figures.replaceAll((figure, value) -> value.stripTrailingZeros()));
    }

    private static Map<String, FigureAgainstTarget> againstTargets(Map<String, BigDecimal> values,
                                                                 Map<String, BigDecimal> targets) {
        Map<String, FigureAgainstTarget> result = new TreeMap<>();
        values.forEach((figure, value) -> result.put(figure, new FigureAgainstTarget(value, targets.get(figure))));
        targets.forEach((figure, target) -> result.putIfAbsent(figure, new FigureAgainstTarget(BigDecimal.ZERO, target)));
        return result;
    }
}
