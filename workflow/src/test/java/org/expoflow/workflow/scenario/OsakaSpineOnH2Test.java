package org.expoflow.workflow.scenario;

import org.expoflow.workflow.ExpoFlowTest;

/** The spine's story on the embedded default. */
@ExpoFlowTest
class OsakaSpineOnH2Test extends OsakaSpineScenario {
}
