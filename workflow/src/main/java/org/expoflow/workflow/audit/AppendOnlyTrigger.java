package org.expoflow.workflow.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

import org.h2.api.Trigger;

/**
 * The embedded database's append-only trigger on the audit entries and the seals (PostgreSQL's is a function of
 * the same rules, db/vendor/postgresql). It refuses every UPDATE and DELETE, but the retention job's deletion of
 * an audit entry older than {@link AuditRetention#LEAST_DAYS} days in a session where it set
 * {@code @expoflow_audit_retention}.
 */
public class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        boolean deletion = newRow == null;
        if (deletion && "AUDIT_ENTRY".equalsIgnoreCase(table) && retentionRuns(connection)
                && oldRow[1] instanceof OffsetDateTime at
                && at.isBefore(OffsetDateTime.now().minusDays(AuditRetention.LEAST_DAYS))) {
            return;
        }
        throw new SQLException(table + " is append-only: " + (deletion ? "DELETE" : "UPDATE") + " refused", "42501");
    }

    private static boolean retentionRuns(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select @" + AuditRetention.H2_SESSION_FLAG)) {
            return result.next() && "on".equals(result.getString(1));
        }
    }
}
