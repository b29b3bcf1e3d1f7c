package org.expoflow.workflow.engine;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The port through which a directive's own work reaches its units' processes in the engine: ending them all when
 * the office withdraws the directive, and telling a kind whose process the engine would not start from any other
 * failure to issue. The processes are started by {@link DirectiveLauncher}, in the transaction that stores the
 * directive.
 */
@Component
public class DirectiveProcesses {

    private final RuntimeService runtimeService;

    public DirectiveProcesses(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Ends every unit's process of the directive, the reason kept on each step ended; answers how many it ended. Runs
     * in the caller's transaction, so a withdrawal refused later ends nothing.
     */
    public int endAll(String directiveId, String reason) {
        List<ProcessInstance> unitProcesses = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(DirectiveProcessVariables.businessKey(directiveId, "%")).list();
        for (ProcessInstance unitProcess : unitProcesses) {
            runtimeService.deleteProcessInstance(unitProcess.getId(), DirectiveProcessVariables.withdrawn(reason));
        }
        return unitProcesses.size();
    }

    /** The engine's own words when a failure to issue was the engine refusing to start the kind's process. */
    public static Optional<String> startRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProcessEngineException cannotStart) {
                return Optional.ofNullable(cannotStart.getMessage());
            }
        }
        return Optional.empty();
    }
}
