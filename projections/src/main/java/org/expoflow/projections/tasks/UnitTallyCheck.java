package org.expoflow.projections.tasks;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * For the administrator's consistency check: whether each unit's kept tally of completed steps
 * ({@link CompletedStepTallies}, which the statistics add up) still agrees with its task rows.
 */
@Component
public class UnitTallyCheck {

    private final JdbcTemplate jdbc;

    public UnitTallyCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The units whose tally differs from their rows, by expo and unit; none when all agree. */
    public List<UnitTallyDifference> differences() {
        return CompletedStepTallies.differences(jdbc);
    }
}
