package org.expoflow.workflow.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.camunda.bpm.engine.RuntimeService;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.springframework.stereotype.Component;

/**
 * Starts one process of the directive's kind per unit when a directive is issued, with the units the directive
 * names to co-operate on that unit's steps ({@code cooperatingUnits}, comma-separated). A subscribing
 * handler: it runs in the transaction that stored {@link DirectiveIssued}, so the directive and its
 * processes (and their first tasks' events) exist together or not at all. Never replayed: a replay
 * must not start processes again.
 */
@Component
@ProcessingGroup(DirectiveLauncher.PROCESSING_GROUP)
@DisallowReplay
public class DirectiveLauncher {

    public static final String PROCESSING_GROUP = "engine-bridge";

    private final RuntimeService runtimeService;

    public DirectiveLauncher(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventHandler
    void on(DirectiveIssued event) {
        for (String unitId : event.unitIds()) {
            Map<String, Object> variables = new HashMap<>(Map.of(
                    DirectiveProcessVariables.EXPO_ID, event.expoId(),
                    DirectiveProcessVariables.DIRECTIVE_ID, event.directiveId(),
                    DirectiveProcessVariables.UNIT_ID, unitId,
                    DirectiveProcessVariables.DUE_AT, event.dueAt().toString()));
            List<String> cooperating = event.cooperatingUnitsOf(unitId);
            if (!cooperating.isEmpty()) {
                variables.put(DirectiveProcessVariables.COOPERATING_UNITS, String.join(",", cooperating));
            }
            runtimeService.createProcessInstanceByKey(event.kind())
                    .businessKey(DirectiveProcessVariables.businessKey(event.directiveId(), unitId))
                    .setVariables(variables)
                    .execute();
        }
    }
}
