package org.expoflow.workflow.engine;

import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.stereotype.Component;

/** {@link EngineFailures} by Camunda's exceptions. */
@Component
public class CamundaFailures implements EngineFailures {

    @Override
    public Optional<Meaning> meaningOf(Throwable failure) {
        if (failure instanceof TaskAlreadyClaimedException claimed) {
            return Optional.of(new TakenBy(claimed.getTaskAssignee()));
        }
        if (failure instanceof OptimisticLockingException) {
            return Optional.of(new ChangedMeanwhile());
        }
        // the engine tells a step that is gone by either, whichever of its commands met it
        if (failure instanceof NotFoundException || failure instanceof NullValueException) {
            return Optional.of(new NotThere());
        }
        return Optional.empty();
    }
}
