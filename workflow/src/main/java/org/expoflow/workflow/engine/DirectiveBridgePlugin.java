package org.expoflow.workflow.engine;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Registers the bridge's parse listeners with the engine before any BPMN is parsed: no scripts, and the bridge. */
@Component
public class DirectiveBridgePlugin extends AbstractProcessEnginePlugin {

    private final ActingContext acting;
    private final DeadlineSupervision supervision;

    // lazy: the acting context needs the engine's identity service, which exists only after this plugin ran
    public DirectiveBridgePlugin(@Lazy ActingContext acting, DeadlineSupervision supervision) {
        this.acting = acting;
        this.supervision = supervision;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new ScriptRefusingParseListener());
        configuration.getCustomPreBPMNParseListeners().add(new DirectiveBridgeParseListener(acting, supervision));
    }
}
