package org.expoflow.projections.figures;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.expoflow.projections.support.ReplayWrites;
import org.expoflow.projections.support.RowInserts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figure versions reported during a rebuild, each written once as part of a multi-row insert: when the next
 * report of the same figure replaces it (already closed), or at the end of the rebuild (still in force).
 * A rebuild starts from empty tables and this buffer sees every report since, so the version in force of
 * every figure is the one held here: none has to be closed in the database.
 */
final class BufferedFigureVersions implements FigureVersions, ReplayWrites.Buffer {

    private record Figure(String directiveId, String unitId, String figure) {
    }

    private record Reported(Figure figure, BigDecimal value, OffsetDateTime validFrom) {
    }

    private final RowInserts inserts;
    private final Map<Figure, Reported> inForce = new HashMap<>();
    /** The rows of the versions replaced during the batch, each closed by the report that replaced it. */
    private List<Object[]> replaced = new ArrayList<>();
    /** The expo of each unit's part in a directive, as the directive named them; absent: the unit has no part in it. */
    private final Map<String, Map<String, String>> exposByDirective = new HashMap<>();

    BufferedFigureVersions(JdbcTemplate jdbc) {
        this.inserts = new RowInserts(jdbc, "unit_figure_version",
                List.of("expo_id", "directive_id", "unit_id", "figure", "figure_value", "valid_from", "valid_to"),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC,
                        Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE});
    }

    /** A directive issued: the units with a part in it, and its expo (what the live insert reads from the catalogue). */
    @Override
    public void issued(String directiveId, String expoId, List<String> unitIds) {
        Map<String, String> parts = exposByDirective.computeIfAbsent(directiveId, d -> new HashMap<>());
        unitIds.forEach(unitId -> parts.put(unitId, expoId));
    }

    @Override
    public void report(String directiveId, String unitId, String name, BigDecimal value, OffsetDateTime at) {
        Figure figure = new Figure(directiveId, unitId, name);
        Reported previous = inForce.put(figure, new Reported(figure, value, at));
        if (previous != null) {
            row(previous, at).ifPresent(replaced::add);
        }
    }

    @Override
    public Runnable flush() {
        List<Object[]> rows = replaced;
        replaced = new ArrayList<>();
        return () -> inserts.insert(rows);
    }

    @Override
    public Runnable finish() {
        inForce.values().forEach(version -> row(version, null).ifPresent(replaced::add));
        inForce.clear();
        return flush();
    }

    /**
     * A version's row, valid until {@code validTo} (null: still in force); none for a unit with no part in the
     * directive, as live, where the insert finds no part to take the expo from.
     */
    private Optional<Object[]> row(Reported version, OffsetDateTime validTo) {
        Figure figure = version.figure();
        return Optional.ofNullable(exposByDirective.getOrDefault(figure.directiveId(), Map.of()).get(figure.unitId()))
                .map(expoId -> new Object[] {expoId, figure.directiveId(), figure.unitId(), figure.figure(), version.value(),
                        version.validFrom(), validTo});
    }
}
