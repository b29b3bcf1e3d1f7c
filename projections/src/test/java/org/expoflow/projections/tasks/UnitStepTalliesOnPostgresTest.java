package org.expoflow.projections.tasks;

import javax.sql.DataSource;

import org.expoflow.projections.support.TestDatabases;
import org.junit.jupiter.api.Tag;

/** The statistics' counts on PostgreSQL, in a schema of its own in the test database. */
@Tag("postgres")
class UnitStepTalliesOnPostgresTest extends UnitStepTalliesContract {

    @Override
    DataSource emptyReadModels() {
        return TestDatabases.postgres("unit_step_tallies");
    }
}
