package org.expoflow.projections.tasks;

import javax.sql.DataSource;

import org.expoflow.projections.support.TestDatabases;

/** The office's waiting work on the embedded database. */
class AwaitingOfficeOnH2Test extends AwaitingOfficeContract {

    @Override
    DataSource emptyReadModels() {
        return TestDatabases.h2("awaiting-office");
    }
}
