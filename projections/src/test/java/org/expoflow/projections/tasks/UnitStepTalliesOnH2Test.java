package org.expoflow.projections.tasks;

import javax.sql.DataSource;

import org.expoflow.projections.support.TestDatabases;

/** The statistics' counts on the embedded database. */
class UnitStepTalliesOnH2Test extends UnitStepTalliesContract {

    @Override
    DataSource emptyReadModels() {
        return TestDatabases.h2("unit-step-tallies");
    }
}
