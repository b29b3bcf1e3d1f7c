package org.expoflow.projections.support;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;

/**
 * A rebuild's batched writes against live writes on PostgreSQL, whose driver is strict about the types of
 * parameters (a null must say what it is). Each database is a schema of its own in the test database.
 */
@Tag("postgres")
class ReplayedAsLiveOnPostgresTest extends ReplayedAsLiveContract {

    @Override
    DataSource emptyReadModels(String name) {
        return TestDatabases.postgres("replayed_as_live_" + name.replace('-', '_'));
    }
}
