package org.expoflow.workflow.http;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being out of reach (stopped, restarting, a connection cut, the pool
 * empty), however the engine, the event store or Spring wrapped it: such a request changed nothing that
 * stays, and is answered 503 with a Retry-After on every door, never 500.
 * <p>
 * A commit or rollback that failed ({@link TransactionSystemException}) counts: the connection went while the
 * transaction ended, and the database rolls back what it did not acknowledge. So do SQL states of class 08
 * (connection exception), PostgreSQL's 57P01 to 57P03 (the server shutting down or starting), and the pool's
 * "Connection is closed" for a connection it evicted as broken under a running transaction (the engine meets it
 * after the first I/O error of a cut).
 */
public final class DatabaseOutage {

    private static final int DEEPEST_CAUSE = 32;
    /** HikariCP's word, with no SQL state, for a connection it evicted as broken while a transaction still held it. */
    private static final String POOL_EVICTED = "Connection is closed";

    private DatabaseOutage() {
    }

    /** Whether {@code failure} or one of its causes says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < DEEPEST_CAUSE; cause = cause.getCause(), depth++) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof RecoverableDataAccessException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && (connectionLost(sql.getSQLState()) || POOL_EVICTED.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
