package org.expoflow.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine answers "null" both for a step it cannot find and for a value a model needs and lacks. Only the first
 * is a step completed meanwhile (409 to the second click); the second, the step still open, is a fault of the model
 * or its data, told as such and logged, never passed off as someone else's completion.
 */
@ExpoFlowTest
class StepNotCompletedTest {

    @LocalServerPort
    int port;

    @Autowired
    StepEngine engine;

    @Test
    void aValueMissingOnAStepStillOpenIsNotAStepCompletedMeanwhile() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        ExpoFlowClient liaoyang = ExpoFlowClient.as("http://localhost:" + port, "liaoyang");
        String expoId = OsakaFixture.osakaWith(coordinator, "liaoyang");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "liaoyang");
        String open = OsakaFixture.firstActiveTask(liaoyang, directiveId);
        RuntimeException valueMissing = new ProcessEngineException("completion failed", new NullValueException("dueAt is null"));

        assertThat(engine.whyNotCompleted(open, valueMissing, Map.of()))
                .isInstanceOf(StepEngine.StepNotCompletable.class).hasMessageNotContaining("dueAt is null");

        assertThat(liaoyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "关西采购商")), open)
                .status().value()).isEqualTo(204);
        assertThat(engine.whyNotCompleted(open, new ProcessEngineException("completion failed",
                new NullValueException("Cannot find task with id " + open)), Map.of()))
                .as("the step is gone: completed meanwhile").isInstanceOf(StepEngine.StepGone.class);
        assertThat(engine.whyNotCompleted(open, new ProcessEngineException("task listener failed",
                DomainRuleViolation.conflict("task " + open + " is already closed").coded("closed")), Map.of()))
                .as("the engine still held the step, its aggregate was closed by the other click").isInstanceOf(StepEngine.StepGone.class);
    }
}
