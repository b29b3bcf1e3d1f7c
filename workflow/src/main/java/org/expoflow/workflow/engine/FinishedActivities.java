package org.expoflow.workflow.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's history of finished activities (its {@code ACT_HI_ACTINST} table, which the history level 'audit'
 * keeps), read for the seals over stored records: a row is written when an activity starts and completed once when
 * it ends, so an ended row no longer changes (but for its removal time, which the seals leave out). Its operation
 * log ({@code ACT_HI_OP_LOG}) is not kept at this level (application.yml), so it is not sealed.
 */
@Component
public class FinishedActivities {

    /** The table the rows come from, as a seal's check names it. */
    public static final String TABLE = "ACT_HI_ACTINST";

    private final JdbcTemplate jdbc;

    public FinishedActivities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each activity that ended after {@code after} and at or before {@code upto}, in the order of their end and id:
     * its id and the values that stay once it ended, as one line.
     */
    public void endedBetween(Instant after, Instant upto, BiConsumer<String, String> row) {
        jdbc.query("select ID_, PROC_INST_ID_, ACT_ID_, ACT_TYPE_, ASSIGNEE_, TASK_ID_, START_TIME_, END_TIME_, ACT_INST_STATE_"
                        + " from ACT_HI_ACTINST where END_TIME_ > ? and END_TIME_ <= ? order by END_TIME_, ID_",
                rs -> {
                    row.accept(rs.getString(1), String.join("|", rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), String.valueOf(rs.getString(5)), String.valueOf(rs.getString(6)),
                            String.valueOf(rs.getTimestamp(7).toInstant().toEpochMilli()),
                            String.valueOf(rs.getTimestamp(8).toInstant().toEpochMilli()), String.valueOf(rs.getInt(9))));
                }, Timestamp.from(after), Timestamp.from(upto));
    }
}
