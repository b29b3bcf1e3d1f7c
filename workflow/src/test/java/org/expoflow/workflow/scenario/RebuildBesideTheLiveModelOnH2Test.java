package org.expoflow.workflow.scenario;

import org.expoflow.workflow.ExpoFlowTest;

/** Rebuilds beside the live model on the embedded H2, whose switch copies the rebuilt rows into place. */
@ExpoFlowTest
class RebuildBesideTheLiveModelOnH2Test extends RebuildBesideTheLiveModelScenario {
}
