package org.expoflow.workflow.engine;

import org.expoflow.workflow.PostgresTest;

/** {@link EarlierSupervisionVersion} on PostgreSQL, where the grace period is the configured days. */
@PostgresTest
class EarlierSupervisionVersionOnPostgresTest extends EarlierSupervisionVersion {

    @Override
    boolean escalatesInSeconds() {
        return false;
    }
}
