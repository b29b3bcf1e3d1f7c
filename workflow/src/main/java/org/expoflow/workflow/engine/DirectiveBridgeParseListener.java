package org.expoflow.workflow.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.el.FixedValue;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Attaches the bridge to every process the engine parses, so no BPMN file has to mention it: the task
 * lifecycle listener on every user task, the end listener on every process.
 */
class DirectiveBridgeParseListener extends AbstractBpmnParseListener {

    private final TaskLifecycleListener taskListener;
    private final DirectiveEndListener endListener;

    DirectiveBridgeParseListener(ActingContext acting, DeadlineSupervision supervision, StepForms forms) {
        this.taskListener = new TaskLifecycleListener(acting, supervision, forms);
        this.endListener = new DirectiveEndListener(acting);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        if (definition.getCandidateGroupIdExpressions().isEmpty()) {
            throw new ProcessEngineException("step '" + activity.getId() + "' names no candidate group: write"
                    + " camunda:candidateGroups=\"${unitId}\" for a unit's step, \"coordinator\" or \"leader\" for the office's");
        }
        for (String event : new String[] {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
                TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE}) {
            definition.addBuiltInTaskListener(event, taskListener);
        }
        // the engine would evaluate a step's documentation as its description; a kind's documentation is text for people
        if (definition.getDescriptionExpression() != null) {
            definition.setDescriptionExpression(new FixedValue(definition.getDescriptionExpression().getExpressionText()));
        }
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, endListener);
    }
}
