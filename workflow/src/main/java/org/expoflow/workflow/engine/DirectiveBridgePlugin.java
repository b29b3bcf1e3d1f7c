package org.expoflow.workflow.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Sets the engine up before any BPMN is parsed: models run no code (held against the allow-list before the
 * engine parses them, and expressions resolve variables only), the bridge is attached to every process,
 * and the engine knows the deadline timers' jobs.
 */
@Component
public class DirectiveBridgePlugin extends AbstractProcessEnginePlugin {

    private final ActingContext acting;
    private final DeadlineSupervision supervision;
    private final StepForms forms;
    private final BeanFactory beans;
    private final MessageSource messages;

    // lazy: the acting context needs the engine's identity service, which exists only after this plugin ran
    public DirectiveBridgePlugin(@Lazy ActingContext acting, DeadlineSupervision supervision, StepForms forms,
                                 BeanFactory beans, MessageSource messages) {
        this.acting = acting;
        this.supervision = supervision;
        this.forms = forms;
        this.beans = beans;
        this.messages = messages;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // replaces Spring's, which resolves every bean of the application and calls any method of any object
        configuration.setExpressionManager(new ModelExpressionManager(beans::getBean));
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<Deployer>());
        }
        // before the engine's own deployers, so nothing outside the allow-list is ever parsed by the engine
        configuration.getCustomPreDeployers().add(new KindModelCheck(refusal -> refusal.sentence(messages, LocaleContextHolder.getLocale())));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new DirectiveBridgeParseListener(acting, supervision, forms));
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<JobHandler>());
        }
        for (StepDeadlineTimer.Milestone milestone : StepDeadlineTimer.Milestone.values()) {
            configuration.getCustomJobHandlers().add(new StepDeadlineTimer(milestone, supervision));
        }
    }
}
