package org.expoflow.projections.support;

import javax.sql.DataSource;

/** A rebuild's batched writes against live writes on the embedded database. */
class ReplayedAsLiveOnH2Test extends ReplayedAsLiveContract {

    @Override
    DataSource emptyReadModels(String name) {
        return TestDatabases.h2(name);
    }
}
