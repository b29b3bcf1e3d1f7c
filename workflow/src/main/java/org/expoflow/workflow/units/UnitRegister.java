package org.expoflow.workflow.units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.expoflow.commands.api.UnitKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The units that exist in the province, whatever expo they prepare. A unit has its official name (沈阳市) and,
 * optionally, an English one (Shenyang): Chinese readers see the first alone, everyone else both, so the
 * official name stays in view for the people who will meet it on letters and signs.
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
        return jdbc.query("select unit_id, name, kind, english_name from organisation_unit order by unit_id", UnitRegister::unit);
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
        jdbc.update("insert into organisation_unit (unit_id, name, kind, english_name) values (?, ?, ?, ?)", unitId, name,
                kind.name(), englishName == null || englishName.isBlank() ? null : englishName.strip());
        return true;
    }
}
