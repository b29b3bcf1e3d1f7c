package org.expoflow.workflow.units;

import java.util.List;
import java.util.Optional;

import org.expoflow.commands.api.UnitKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The units that exist in the province, whatever expo they prepare. */
@Component
public class UnitRegister {

    public record RegisteredUnit(String unitId, String name, UnitKind kind) {
    }

    private final JdbcTemplate jdbc;

    public UnitRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RegisteredUnit> all() {
        return jdbc.query("select unit_id, name, kind from organisation_unit order by unit_id", UnitRegister::unit);
    }

    public Optional<RegisteredUnit> find(String unitId) {
        return jdbc.query("select unit_id, name, kind from organisation_unit where unit_id = ?", UnitRegister::unit, unitId)
                .stream().findFirst();
    }

    private static RegisteredUnit unit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RegisteredUnit(rs.getString(1), rs.getString(2), UnitKind.valueOf(rs.getString(3)));
    }

    /** Registers a unit; answers false when the id is taken. */
    public boolean register(String unitId, String name, UnitKind kind) {
        if (find(unitId).isPresent()) {
            return false;
        }
        jdbc.update("insert into organisation_unit (unit_id, name, kind) values (?, ?, ?)", unitId, name, kind.name());
        return true;
    }
}
