package org.expoflow.workflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.expoflow.workflow.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the database itself holds the audit log append-only: the application's own database user can neither
 * change nor remove an entry or a seal, not even by setting the retention's flag for an entry younger than 180 days;
 * the retention job removes what is older and records that it ran; and the seals name an event altered by someone
 * who turned the events' trigger off.
 */
@PostgresTest
class AuditLogOnPostgresTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditLog log;

    @Autowired
    Seals seals;

    @Autowired
    AuditRetention retention;

    @Test
    void theApplicationsDatabaseUserCannotChangeOrRemoveAnEntry() {
        log.record("coordinator", "AUTHENTICATION_FAILURE", java.util.Map.of("type", "BadCredentialsException"));
        seals.seal(Instant.now().minusSeconds(3));
        long kept = jdbc.queryForObject("select count(*) from audit_entry", Long.class);

        assertThatThrownBy(() -> jdbc.update("update audit_entry set what = 'nothing happened' where actor = 'coordinator'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where actor = 'coordinator'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_seal set hash = 'x'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select set_config('expoflow.audit_retention', 'on', true)", String.class);
            jdbc.update("delete from audit_entry where actor = 'coordinator'");
        })).as("the retention's flag opens no entry younger than 180 days").isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(kept);
    }

    @Test
    void theRetentionJobRemovesOnlyWhatIsOlderThanItsDaysAndSaysSo() {
        jdbc.update("insert into audit_entry (occurred_at, actor, action, address, what) values (?, 'someone',"
                + " 'AUTHENTICATION_SUCCESS', '10.0.0.1', 'long ago')", Timestamp.from(Instant.now().minus(Duration.ofDays(200))));
        seals.seal(Instant.now().minusSeconds(3));
        assertThat(retention.removeOlderThan(Instant.now().minus(Duration.ofDays(180)))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where what = 'long ago'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'AUDIT_RETENTION_RAN' and what like '%removed=1%'",
                Long.class)).isEqualTo(1);
        assertThat(seals.checkNow().holds()).isTrue();
    }

    @Test
    void anEventAlteredWithItsTriggerTurnedOffIsNamedByTheSeals() {
        // the seal takes events settled a few seconds ago: a database just made holds none that old yet, so wait for one
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            seals.seal(Instant.now().minusSeconds(3));
            Long upTo = jdbc.queryForObject("select max(events_upto) from audit_seal", Long.class);
            return upTo != null && upTo > 0;
        });
        assertThat(seals.checkNow().holds()).isTrue();
        long altered = jdbc.queryForObject("select max(events_upto) from audit_seal", Long.class);
        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class, altered);
        // what a database owner can do behind the application's back
        jdbc.execute("alter table domain_event_entry disable trigger domain_event_entry_no_update_or_delete");
        try {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", "{}".getBytes(), altered);
            SealCheck broken = seals.checkNow();
            assertThat(broken.holds()).isFalse();
            assertThat(broken.fault().table()).isEqualTo("domain_event_entry");
            assertThat(broken.fault().row()).isEqualTo("global_index " + altered);
            assertThat(broken.fault().problem()).isEqualTo("altered");
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", payload, altered);
        } finally {
            jdbc.execute("alter table domain_event_entry enable trigger domain_event_entry_no_update_or_delete");
        }
        assertThat(seals.checkNow().holds()).isTrue();
    }
}
