package org.expoflow.projections.figures;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.expoflow.projections.support.ReplayWrites;
import org.expoflow.projections.support.RowInserts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figure versions reported during a rebuild, each written once as part of a multi-row insert: when the next
 * report of the same figure replaces it (already closed), or at the end of the rebuild (still in force).
 * A rebuild starts from empty tables and this buffer sees every report since, so the version in force of
 * every figure is the one held here: none has to be closed in the database.
 */
final class BufferedFigureVersions implements ReplayWrites.Buffer {

    private record Figure(String directiveId, String unitId, String figure) {
    }

    private record Reported(Figure figure, BigDecimal value, OffsetDateTime validFrom) {
    }

    private final JdbcTemplate jdbc;
    private final RowInserts inserts;
    private final Map<Figure, Reported> inForce = new HashMap<>();
    private final List<Reported> replaced = new ArrayList<>();
    private final List<OffsetDateTime> replacedAt = new ArrayList<>();
    /** The expo of each unit's part in a directive, as the catalogue has it; absent: the unit has no part in it. */
    private final Map<String, Map<String, String>> exposByDirective = new HashMap<>();

    BufferedFigureVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.inserts = new RowInserts(jdbc, "unit_figure_version",
                List.of("expo_id", "directive_id", "unit_id", "figure", "figure_value", "valid_from", "valid_to"),
                new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC,
                        Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE});
    }

    void report(String directiveId, String unitId, String name, BigDecimal value, OffsetDateTime at) {
        Figure figure = new Figure(directiveId, unitId, name);
        Reported previous = inForce.put(figure, new Reported(figure, value, at));
        if (previous != null) {
            replaced.add(previous);
            replacedAt.add(at);
        }
    }

    @Override
    public void flush() {
        write(replaced, replacedAt);
        replaced.clear();
        replacedAt.clear();
    }

    @Override
    public void finish() {
        flush();
        List<Reported> stillInForce = new ArrayList<>(inForce.values());
        write(stillInForce, Collections.nCopies(stillInForce.size(), null));
        inForce.clear();
    }

    private void write(List<Reported> versions, List<OffsetDateTime> validTo) {
        Set<String> unknown = new LinkedHashSet<>();
        versions.forEach(version -> {
            if (!exposByDirective.containsKey(version.figure().directiveId())) {
                unknown.add(version.figure().directiveId());
            }
        });
        readExpos(unknown);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            Reported version = versions.get(i);
            Figure figure = version.figure();
            String expoId = exposByDirective.get(figure.directiveId()).get(figure.unitId());
            if (expoId != null) { // as live: a figure of a unit with no part in the directive is not kept
                rows.add(new Object[] {expoId, figure.directiveId(), figure.unitId(), figure.figure(), version.value(),
                        version.validFrom(), validTo.get(i)});
            }
        }
        inserts.insert(rows);
    }

    private void readExpos(Set<String> directiveIds) {
        directiveIds.forEach(directiveId -> exposByDirective.put(directiveId, new HashMap<>()));
        List<String> ids = new ArrayList<>(directiveIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query("select directive_id, unit_id, expo_id from directive_unit_view where directive_id in ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> { exposByDirective.get(rs.getString("directive_id")).put(rs.getString("unit_id"), rs.getString("expo_id")); },
                    chunk.toArray());
        }
    }
}
