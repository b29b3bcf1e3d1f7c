package org.expoflow.workflow.engine;

import org.expoflow.workflow.ExpoFlowTest;

/** {@link EarlierSupervisionVersion} on the embedded database, where the grace period is seconds long. */
@ExpoFlowTest
class EarlierSupervisionVersionTest extends EarlierSupervisionVersion {

    @Override
    boolean escalatesInSeconds() {
        return true;
    }
}
