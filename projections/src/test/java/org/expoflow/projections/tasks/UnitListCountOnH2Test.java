package org.expoflow.projections.tasks;

import javax.sql.DataSource;

import org.expoflow.projections.support.TestDatabases;

/** A unit's list counts on the embedded database. */
class UnitListCountOnH2Test extends UnitListCountContract {

    @Override
    DataSource emptyReadModels() {
        return TestDatabases.h2("unit-list-count");
    }
}
