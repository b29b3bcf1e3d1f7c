package org.expoflow.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild's rows copied in PostgreSQL's binary format, sent a buffer at a time: rows that span the buffer's
 * end and a value longer than the buffer arrive whole, in order, nulls as nulls.
 */
@Tag("postgres")
class RowInsertsOnPostgresTest {

    @Test
    void manyRowsAndAValueLongerThanTheBufferArriveAsWritten() {
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabases.postgres("row_inserts"));
        jdbc.execute("create table progress_note (task_id varchar(64), percent integer, noted_at timestamptz, note text)");
        RowInserts inserts = new RowInserts(jdbc, "progress_note", List.of("task_id", "percent", "noted_at", "note"),
                new int[] {Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR});
        Instant start = Instant.parse("2026-12-06T07:48:38.564Z");
        String longNote = "展会邀请".repeat(30_000);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(new Object[] {"task-" + i, i % 7 == 0 ? null : i % 101, start.plusSeconds(i).atOffset(ZoneOffset.UTC),
                    i == 2_500 ? longNote : "reported " + i});
        }

        inserts.insert(rows);

        assertThat(jdbc.queryForObject("select count(*) from progress_note", Integer.class)).isEqualTo(5_000);
        assertThat(jdbc.queryForObject("select note from progress_note where task_id = 'task-2500'", String.class))
                .isEqualTo(longNote);
        Map<String, Object> last = jdbc.queryForMap("select percent, noted_at, note from progress_note where task_id = 'task-4999'");
        assertThat(last.get("percent")).isEqualTo(4_999 % 101);
        assertThat(((java.sql.Timestamp) last.get("noted_at")).toInstant()).isEqualTo(start.plusSeconds(4_999));
        assertThat(last.get("note")).isEqualTo("reported 4999");
        assertThat(jdbc.queryForObject("select count(*) from progress_note where percent is null", Integer.class))
                .isEqualTo(715);
    }
}
