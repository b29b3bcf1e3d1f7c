package org.expoflow.bpmn;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * What every directive-kind process test shares: an engine whose coverage of each process the build
 * reports (target/process-test-coverage), required to reach every flow node and sequence flow, and
 * the way ExpoFlow starts a unit's process of a directive.
 */
final class ProcessCoverage {

    private ProcessCoverage() {
    }

    /** Each test class registers its own: coverage is judged per class, over all its tests. */
    static ProcessEngineCoverageExtension everyPathCovered() {
        return ProcessEngineCoverageExtension.builder().assertClassCoverageAtLeast(1.0).build();
    }

    /** Starts a unit's process as ExpoFlow's launcher does, with the variables every kind may rely on. */
    static ProcessInstance unitReceives(ProcessEngine engine, String kind, String unitId) {
        return engine.getRuntimeService().startProcessInstanceByKey(kind, "d1:" + unitId, Map.of(
                "expoId", "osaka", "directiveId", "d1", "unitId", unitId, "dueAt", "2030-06-30T15:59:59Z"));
    }
}
