package org.expoflow.workflow.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Sets the engine up before any BPMN is parsed: models run no code (deployments, parse and expressions
 * alike), the bridge is attached to every process, and the engine knows the deadline timers' jobs.
 */
@Component
public class DirectiveBridgePlugin extends AbstractProcessEnginePlugin {

    private final ActingContext acting;
    private final DeadlineSupervision supervision;
    private final StepForms forms;
    private final BeanFactory beans;

    // lazy: the acting context needs the engine's identity service, which exists only after this plugin ran
    public DirectiveBridgePlugin(@Lazy ActingContext acting, DeadlineSupervision supervision, StepForms forms,
                                 BeanFactory beans) {
        this.acting = acting;
        this.supervision = supervision;
        this.forms = forms;
        this.beans = beans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // replaces Spring's, which resolves every bean of the application and calls any method of any object
        configuration.setExpressionManager(new ModelExpressionManager(beans::getBean));
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<Deployer>());
        }
        configuration.getCustomPreDeployers().add(new DeploymentResourcePolicy());
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new ModelCodeRefusal());
        configuration.getCustomPreBPMNParseListeners().add(new DirectiveBridgeParseListener(acting, supervision, forms));
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<JobHandler>());
        }
        for (StepDeadlineTimer.Milestone milestone : StepDeadlineTimer.Milestone.values()) {
            configuration.getCustomJobHandlers().add(new StepDeadlineTimer(milestone, supervision));
        }
    }
}
