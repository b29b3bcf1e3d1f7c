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
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.workflow.application.ReadOncePerRequest;
import org.expoflow.workflow.application.RequestRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The units that exist in the province, whatever expo they prepare. A unit has its official name (沈阳市) and,
 * optionally, an English one (Shenyang): Chinese readers see the first alone, everyone else both, so the
 * official name stays in view for the people who will meet it on letters and signs. The register keeps the units
 * in the order they were registered (沈阳、大连、鞍山…) unless ADMIN moves one, and every list of units follows it
 * ({@link #order}). ADMIN adds a unit ({@link #add}), possibly at a place of its choosing, and later renames it or
 * moves it ({@link #change}); a unit is never removed, since its steps and figures name it for good.
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

        /**
         * The name where room is short (a phone's board): 沈阳 for 沈阳市 and 沈抚 for 沈抚示范区, as offices say them; for a
         * reader of another language the English name alone, when the unit has one.
         */
        public String shortNameFor(Locale locale) {
            if (!Locale.CHINESE.getLanguage().equals(locale.getLanguage()) && englishName != null && !englishName.isBlank()) {
                return englishName;
            }
            for (String suffix : SHORTENED_SUFFIXES) {
                if (name.endsWith(suffix) && name.length() >= suffix.length() + 2) {
                    return name.substring(0, name.length() - suffix.length());
                }
            }
            return name;
        }

        /** Both names, for what has no reader's language: a metric's label, a file passed round. */
        public String bilingualName() {
            return englishName == null || englishName.isBlank() ? name : name + " " + englishName;
        }
    }

    /** A unit to register: its id for good, its names, its kind, and where in the register's order (last if none). */
    public record NewUnit(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{rule.unitIdSlug}") String unitId,
            @NotBlank @Size(max = 300) String name, @NotNull(message = "{rule.choose}") UnitKind kind,
            @Schema(description = "the unit's name for readers of English (Shenyang), shown beside its own name")
            @Size(max = 300) String englishName,
            @Schema(description = "its place in the register's order, 1 for first; last when left out")
            @Min(1) Integer position) implements RequestRules.Worded {

        @Override
        public String thing() {
            return "unit";
        }

        public NewUnit(String unitId, String name, UnitKind kind, String englishName) {
            this(unitId, name, kind, englishName, null);
        }
    }

    /** A registered unit's names and place, as ADMIN sets them; its id and kind stay. */
    public record UnitChange(@NotBlank @Size(max = 300) String name,
                             @Size(max = 300) String englishName,
                             @Schema(description = "its place in the register's order, 1 for first; unchanged when left out")
                             @Min(1) Integer position) implements RequestRules.Worded {

        @Override
        public String thing() {
            return "unit";
        }
    }

    // the endings a unit's name is known without: a city's 市, a zone's 示范区 (a name of two characters keeps them)
    private static final List<String> SHORTENED_SUFFIXES = List.of("示范区", "市");

    private static final String REGISTER = "units";

    private final JdbcTemplate jdbc;
    private final RequestRules rules;

    public UnitRegister(JdbcTemplate jdbc, RequestRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /**
     * Registers a unit at the place asked (last when none), the others moving down one; refused naming each field
     * at fault, or as a conflict when the id is taken, and then nothing is written.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public RegisteredUnit add(NewUnit unit) {
        rules.check(unit);
        checkPosition(unit.position(), all().size() + 1);
        if (!register(unit.unitId(), unit.name().strip(), unit.englishName(), unit.kind())) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.CONFLICT, "unitId", "unit " + unit.unitId()
                    + " is already registered").coded("unitExists", unit.unitId());
        }
        if (unit.position() != null) {
            moveTo(unit.unitId(), unit.position());
        }
        return find(unit.unitId()).orElseThrow();
    }

    /** Renames a registered unit and, when a place is given, moves it there; refused naming each field at fault. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public RegisteredUnit change(String unitId, UnitChange change) {
        if (find(unitId).isEmpty()) {
            throw DomainRuleViolation.notFound("unitId", "no registered unit " + unitId).coded("unitNotRegistered", unitId);
        }
        rules.check(change);
        checkPosition(change.position(), all().size());
        ReadOncePerRequest.forget(REGISTER);
        jdbc.update("update organisation_unit set name = ?, english_name = ? where unit_id = ?", change.name().strip(),
                change.englishName() == null || change.englishName().isBlank() ? null : change.englishName().strip(), unitId);
        if (change.position() != null) {
            moveTo(unitId, change.position());
        }
        return find(unitId).orElseThrow();
    }

    private static void checkPosition(Integer position, int last) {
        if (position != null && position > last) {
            throw DomainRuleViolation.invalid("position", "the place is between 1 and " + last + ", not " + position)
                    .coded("unitPositionBeyond", last, position);
        }
    }

    /** Puts a unit at {@code position} (1 for first) and numbers the register afresh, so no two units share a place. */
    private void moveTo(String unitId, int position) {
        List<String> order = new java.util.ArrayList<>(all().stream().map(RegisteredUnit::unitId).toList());
        order.remove(unitId);
        order.add(Math.min(position, order.size() + 1) - 1, unitId);
        ReadOncePerRequest.forget(REGISTER);
        jdbc.batchUpdate("update organisation_unit set register_order = ? where unit_id = ?",
                java.util.stream.IntStream.range(0, order.size()).mapToObj(i -> new Object[] {i + 1, order.get(i)}).toList());
    }

    public List<RegisteredUnit> all() {
        return ReadOncePerRequest.read(REGISTER, () -> List.copyOf(jdbc.query(
                "select unit_id, name, kind, english_name from organisation_unit order by register_order, unit_id",
                UnitRegister::unit)));
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

    /** Every unit's short name as a reader of {@code locale} reads it, by unit id ({@link RegisteredUnit#shortNameFor}). */
    public Map<String, String> shortNamesFor(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        all().forEach(unit -> names.put(unit.unitId(), unit.shortNameFor(locale)));
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
        ReadOncePerRequest.forget(REGISTER);
        jdbc.update("insert into organisation_unit (unit_id, name, kind, english_name, register_order) values (?, ?, ?, ?, ?)",
                unitId, name, kind.name(), englishName == null || englishName.isBlank() ? null : englishName.strip(), next);
        return true;
    }
}
