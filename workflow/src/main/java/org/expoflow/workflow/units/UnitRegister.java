package org.expoflow.workflow.units;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.FiguresReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The units that exist in the province, whatever expo they prepare. A unit has its official name (沈阳市) and,
 * optionally, an English one (Shenyang): Chinese readers see the first alone, everyone else both, so the
 * official name stays in view for the people who will meet it on letters and signs. The register keeps the units
 * in the order they were registered (沈阳、大连、鞍山…), and every list of units follows it ({@link #order}).
 */
@Component
public class UnitRegister {

    public record RegisteredUnit(String unitId, String name, UnitKind kind, String englishName) {

        public RegisteredUnit(String unitId, String name, UnitKind kind) {
            this(unitId, name, kind, null);
        }

        /** The name a reader of {@code locale} reads. */
        public String nameFor(Locale locale) {
            return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? name : bilingualName();
        }

        /** Both names, for what has no reader's language: a metric's label, a file passed round. */
        public String bilingualName() {
            return englishName == null || englishName.isBlank() ? name : name + " " + englishName;
        }
    }

    private final JdbcTemplate jdbc;

    public UnitRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RegisteredUnit> all() {
        return jdbc.query("select unit_id, name, kind, english_name from organisation_unit order by register_order, unit_id",
                UnitRegister::unit);
    }

    /** Unit ids in the register's order; a unit the register does not know after the others, by id. */
    public Comparator<String> order() {
        Map<String, Integer> positions = new HashMap<>();
        all().forEach(unit -> positions.putIfAbsent(unit.unitId(), positions.size()));
        return Comparator.<String>comparingInt(unitId -> positions.getOrDefault(unitId, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }

    /** {@code items} sorted by their unit ({@code unitOf}) in the register's order. */
    public <T> List<T> inOrder(List<T> items, Function<T, String> unitOf) {
        Comparator<String> order = order();
        return items.stream().sorted(Comparator.comparing(unitOf, order)).toList();
    }

    /** The board with its units, and the units each cell names, in the register's order. */
    public Board inOrder(Board board) {
        if (board == null) {
            return null;
        }
        Comparator<String> order = order();
        return new Board(board.expoId(), board.expoName(), board.asOf(), board.directives(), board.units().stream()
                .sorted(Comparator.comparing(Board.BoardUnit::unitId, order))
                .map(unit -> new Board.BoardUnit(unit.unitId(), unit.name(),
                        unit.cells().stream().map(cell -> cell.withUnitsIn(order)).toList()))
                .toList(), board.page());
    }

    /** The figures with their units in the register's order. */
    public FiguresReport inOrder(FiguresReport report) {
        return report == null ? null : new FiguresReport(report.expoId(), report.asOf(),
                inOrder(report.units(), FiguresReport.UnitFigures::unitId), report.directives(), report.total());
    }

    public Optional<RegisteredUnit> find(String unitId) {
        return jdbc.query("select unit_id, name, kind, english_name from organisation_unit where unit_id = ?",
                UnitRegister::unit, unitId).stream().findFirst();
    }

    /** Every unit's name as a reader of {@code locale} reads it, by unit id. */
    public Map<String, String> namesFor(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        all().forEach(unit -> names.put(unit.unitId(), unit.nameFor(locale)));
        return names;
    }

    private static RegisteredUnit unit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RegisteredUnit(rs.getString(1), rs.getString(2), UnitKind.valueOf(rs.getString(3)), rs.getString(4));
    }

    /** Registers a unit; answers false when the id is taken. */
    public boolean register(String unitId, String name, UnitKind kind) {
        return register(unitId, name, null, kind);
    }

    /** Registers a unit with its English name beside its own; answers false when the id is taken. */
    public boolean register(String unitId, String name, String englishName, UnitKind kind) {
        if (find(unitId).isPresent()) {
            return false;
        }
        // the next in the register's order (two registered at the same moment share it, and go by id)
        Integer next = jdbc.queryForObject("select coalesce(max(register_order), 0) + 1 from organisation_unit", Integer.class);
        jdbc.update("insert into organisation_unit (unit_id, name, kind, english_name, register_order) values (?, ?, ?, ?, ?)",
                unitId, name, kind.name(), englishName == null || englishName.isBlank() ? null : englishName.strip(), next);
        return true;
    }
}
