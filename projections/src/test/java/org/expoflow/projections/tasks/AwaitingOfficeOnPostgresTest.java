package org.expoflow.projections.tasks;

import javax.sql.DataSource;

import org.expoflow.projections.support.TestDatabases;
import org.junit.jupiter.api.Tag;

/** The office's waiting work on PostgreSQL, in a schema of its own in the test database. */
@Tag("postgres")
class AwaitingOfficeOnPostgresTest extends AwaitingOfficeContract {

    @Override
    DataSource emptyReadModels() {
        return TestDatabases.postgres("awaiting_office");
    }
}
