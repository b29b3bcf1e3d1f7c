package org.expoflow.workflow.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Watches the deadline of every unit step with one instance of the {@code deadline-supervision}
 * process (bpmn/deadline-supervision.bpmn), whose timers the job executor runs: due soon, overdue, a
 * chase-up the unit acknowledges, escalation after the grace period. Every directive kind gets this,
 * including kinds drawn elsewhere, without a timer of its own.
 * <p>
 * How long before the deadline a step is due soon, and how long after it a still-open step is
 * escalated, a kind may declare on its process ({@code camunda:property} {@code dueSoonBefore},
 * {@code escalateAfter}, ISO-8601 durations); otherwise the configured defaults apply.
 */
@Component
public class DeadlineSupervision {

    public static final String PROCESS_KEY = "deadline-supervision";
    public static final String SUPERVISED_TASK_ID = "supervisedTaskId";
    static final String ACTING_GROUP = "actingGroup";
    static final String DUE_SOON_AT = "dueSoonAt";
    static final String DUE_AT = "dueAt";
    static final String ESCALATE_AT = "escalateAt";
    static final String DUE_SOON_BEFORE = "dueSoonBefore";
    static final String ESCALATE_AFTER = "escalateAfter";

    private final Duration defaultDueSoonBefore;
    private final Duration defaultEscalateAfter;

    public DeadlineSupervision(@Value("${expoflow.deadlines.due-soon-before}") Duration defaultDueSoonBefore,
                               @Value("${expoflow.deadlines.escalate-after}") Duration defaultEscalateAfter) {
        this.defaultDueSoonBefore = defaultDueSoonBefore;
        this.defaultEscalateAfter = defaultEscalateAfter;
    }

    /** The step whose deadline one watch follows; {@code actingGroup} is who answers a chase-up. */
    public record WatchedStep(String taskId, String expoId, String directiveId, String unitId, String actingGroup,
                              Instant dueAt, Process kind) {
    }

    public void watch(RuntimeService runtime, WatchedStep step) {
        Duration dueSoonBefore = duration(step.kind(), DUE_SOON_BEFORE, defaultDueSoonBefore);
        Duration escalateAfter = duration(step.kind(), ESCALATE_AFTER, defaultEscalateAfter);
        Map<String, Object> variables = new HashMap<>();
        variables.put(SUPERVISED_TASK_ID, step.taskId());
        variables.put(DirectiveProcessVariables.EXPO_ID, step.expoId());
        variables.put(DirectiveProcessVariables.DIRECTIVE_ID, step.directiveId());
        variables.put(DirectiveProcessVariables.UNIT_ID, step.unitId());
        variables.put(ACTING_GROUP, step.actingGroup());
        variables.put(DUE_SOON_AT, Date.from(step.dueAt().minus(dueSoonBefore)));
        variables.put(DUE_AT, Date.from(step.dueAt()));
        variables.put(ESCALATE_AT, Date.from(step.dueAt().plus(escalateAfter)));
        runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(step.taskId()), variables);
    }

    /** The step closed: its watch ends, and with it any chase-up still waiting. */
    public void stop(RuntimeService runtime, String taskId, String reason) {
        for (ProcessInstance watch : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(taskId)).list()) {
            runtime.deleteProcessInstance(watch.getId(), reason);
        }
    }

    /** Another unit does the step now: it answers the chase-ups to come. */
    public void handOver(RuntimeService runtime, String taskId, String actingGroup) {
        for (ProcessInstance watch : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(taskId)).list()) {
            runtime.setVariable(watch.getId(), ACTING_GROUP, actingGroup);
        }
    }

    public static boolean isWatch(String processDefinitionKey) {
        return PROCESS_KEY.equals(processDefinitionKey);
    }

    private static String businessKey(String taskId) {
        return "supervision:" + taskId;
    }

    static Duration duration(Process kind, String property, Duration fallback) {
        String declared = kind == null ? null : StepProperties.of(kind, property);
        return declared == null ? fallback : Duration.parse(declared);
    }
}
