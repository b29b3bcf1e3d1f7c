package org.expoflow.projections.tasks;

import javax.sql.DataSource;

import org.expoflow.projections.support.TestDatabases;
import org.junit.jupiter.api.Tag;

/** A unit's list counts on PostgreSQL, in a schema of its own in the test database. */
@Tag("postgres")
class UnitListCountOnPostgresTest extends UnitListCountContract {

    @Override
    DataSource emptyReadModels() {
        return TestDatabases.postgres("unit_list_count");
    }
}
