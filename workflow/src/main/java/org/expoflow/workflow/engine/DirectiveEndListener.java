package org.expoflow.workflow.engine;

import static org.expoflow.workflow.engine.DirectiveProcessVariables.DIRECTIVE_ID;
import static org.expoflow.workflow.engine.DirectiveProcessVariables.UNIT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.expoflow.commands.api.directive.RecordUnitFinished;

/**
 * When a unit's process of a directive reaches its end, the directive records that the unit finished it.
 * A process deleted on the way (cancelled) has not been finished, and the end of a deadline's watch is
 * not the end of the directive.
 */
class DirectiveEndListener implements ExecutionListener {

    private final ActingContext acting;

    DirectiveEndListener(ActingContext acting) {
        this.acting = acting;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled() || !execution.hasVariable(DIRECTIVE_ID)
                || execution.hasVariable(DeadlineSupervision.SUPERVISED_TASK_ID)) {
            return;
        }
        acting.send(new RecordUnitFinished((String) execution.getVariable(DIRECTIVE_ID),
                (String) execution.getVariable(UNIT_ID)));
    }
}
