package org.expoflow.workflow.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.expoflow.commands.api.task.RecordTaskDueSoon;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Watches the deadline of every unit step: due soon, overdue, a chase-up the unit acknowledges,
 * escalation after the grace period. Every directive kind gets this, including kinds drawn elsewhere,
 * without a timer of its own.
 * <p>
 * A watch's life: while the deadline is ahead, it is one engine job, a {@link StepDeadlineTimer}. The
 * first is due when the step becomes due soon (a step born within that lead is due soon at once); it
 * records that and leaves the second, due at the deadline. Most steps close before then, and closing deletes the one job. A step still open at its
 * deadline gets an instance of the {@code deadline-supervision} process (bpmn/deadline-supervision.bpmn),
 * started at {@code recordOverdue}: from there the model runs the chase-up, its acknowledgement and the
 * escalation, and closing the step deletes the instance.
 * <p>
 * Why not a process from the start: the process per step, started with the step and deleted with it,
 * multiplied the engine's work for every completion, for timers that rarely fire
 * (docs/adr/0002-deadlines-as-one-timer-job-per-step.md).
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
    static final String DUE_AT = "dueAt";
    static final String ESCALATE_AT = "escalateAt";
    static final String DUE_SOON_BEFORE = "dueSoonBefore";
    static final String ESCALATE_AFTER = "escalateAfter";
    /** The office's chase-up of an overdue step, in the supervision process. */
    public static final String CHASE_UP_STEP = "chaseUpUnit";
    /** Its form field naming the chase-up's grade (URGE, SUPERVISE, NOTIFY), read by {@code ${taskChasedUp}}. */
    static final String GRADE = "grade";
    /** Where the supervision process starts for a step that is still open at its deadline. */
    static final String OVERDUE_ACTIVITY = "recordOverdue";
    // the engine's id columns hold 64 characters; a longer id (task ids of another id generator) is left to the engine
    private static final int ENGINE_ID_LENGTH = 64;

    private final ActingContext acting;
    private final Duration defaultDueSoonBefore;
    private final Duration defaultEscalateAfter;

    // lazy: the acting context needs the engine, which this configures through DirectiveBridgePlugin
    public DeadlineSupervision(@Lazy ActingContext acting,
                               @Value("${expoflow.deadlines.due-soon-before}") Duration defaultDueSoonBefore,
                               @Value("${expoflow.deadlines.escalate-after}") Duration defaultEscalateAfter) {
        this.acting = acting;
        this.defaultDueSoonBefore = defaultDueSoonBefore;
        this.defaultEscalateAfter = defaultEscalateAfter;
    }

    /** The step whose deadline one watch follows, and the kind it belongs to (for its declared timing). */
    public record WatchedStep(String taskId, Instant dueAt, Process kind) {
    }

    /**
     * Starts watching a step: its due-soon timer; or, for a step given (or extended to) a deadline already
     * within its due-soon lead, due soon from this moment, in this transaction, so that the board, the lists
     * and the task itself say so at once.
     */
    public void watch(RuntimeService runtime, WatchedStep step) {
        Instant dueSoonAt = step.dueAt().minus(duration(step.kind(), DUE_SOON_BEFORE, defaultDueSoonBefore));
        inEngine(runtime, context -> {
            if (dueSoonAt.isAfter(ClockUtil.getCurrentTime().toInstant())) {
                schedule(context, StepDeadlineTimer.Milestone.DUE_SOON, step.taskId(), step.dueAt(), dueSoonAt);
            } else {
                dueSoon(context, step.taskId(), step.dueAt());
            }
            return null;
        });
    }

    /**
     * The step closed (completed, withdrawn, removed): its watch ends. Before the step is due soon, only
     * its due-soon timer can be pending (the deadline's timer is left by that one when it fires, the
     * supervision process at the deadline), so one look-up by key does ({@link StepDeadlineTimer.Milestone#jobId}; by
     * configuration for a timer of an earlier version): a closed step's completion is the write the province makes
     * most. Should a timer be missed all the same (the due-soon lead configured shorter since the step was watched),
     * it finds its step closed when it fires and does nothing.
     */
    public void closed(RuntimeService runtime, String taskId, Instant dueAt, Process kind, String reason) {
        Instant dueSoonAt = dueAt.minus(duration(kind, DUE_SOON_BEFORE, defaultDueSoonBefore));
        if (ClockUtil.getCurrentTime().toInstant().isBefore(dueSoonAt)) {
            StepDeadlineTimer.Milestone dueSoon = StepDeadlineTimer.Milestone.DUE_SOON;
            inEngine(runtime, context -> deleteTimer(context, dueSoon.jobId(taskId, dueAt)) || deleteTimers(context, dueSoon, taskId));
        } else {
            stop(runtime, taskId, reason);
        }
    }

    /** The step's watch ends, whichever timer is pending or the chase-up still waiting (a deadline moved, say). */
    public void stop(RuntimeService runtime, String taskId, String reason) {
        boolean timerPending = inEngine(runtime, context -> {
            boolean found = false;
            for (StepDeadlineTimer.Milestone milestone : StepDeadlineTimer.Milestone.values()) {
                found |= deleteTimers(context, milestone, taskId);
            }
            return found;
        });
        // a pending timer means the deadline has not been reached, so no supervision process was started
        if (!timerPending) {
            for (ProcessInstance watch : supervisionsOf(runtime, taskId)) {
                runtime.deleteProcessInstance(watch.getId(), reason);
            }
        }
    }

    /** Another unit does the step now: it answers the chase-ups to come. */
    public void handOver(RuntimeService runtime, String taskId, String actingGroup) {
        List<ProcessInstance> watches = supervisionsOf(runtime, taskId);
        for (ProcessInstance watch : watches) {
            runtime.setVariable(watch.getId(), ACTING_GROUP, actingGroup);
        }
        if (watches.isEmpty()) {
            // read when the deadline passes; only a handed-over step carries it
            inEngine(runtime, context -> {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task != null) {
                    task.setVariableLocal(ACTING_GROUP, actingGroup);
                }
                return null;
            });
        }
    }

    /** The office's chase-up waiting in the supervision of an overdue step, if there is one. */
    public Optional<String> chaseUpWaiting(TaskService tasks, String taskId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey(taskId)).taskDefinitionKey(CHASE_UP_STEP)
                .active().list().stream().map(Task::getId).findFirst();
    }

    public static boolean isWatch(String processDefinitionKey) {
        return PROCESS_KEY.equals(processDefinitionKey);
    }

    /** The due-soon timer fired: recorded for the deadline in force, and the next timer is due at it. */
    void dueSoonReached(CommandContext context, TaskEntity step) {
        dueSoon(context, step.getId(), step.getDueDate().toInstant());
    }

    private void dueSoon(CommandContext context, String taskId, Instant dueAt) {
        acting.send(new RecordTaskDueSoon(taskId, dueAt));
        schedule(context, StepDeadlineTimer.Milestone.DEADLINE, taskId, dueAt, dueAt);
    }

    /** The deadline passed with the step open: the supervision process takes over, at its overdue record. */
    void deadlinePassed(CommandContext context, TaskEntity step) {
        Instant dueAt = step.getDueDate().toInstant();
        String unitId = (String) step.getVariable(DirectiveProcessVariables.UNIT_ID);
        Object handedOverTo = step.getVariableLocal(ACTING_GROUP);
        Map<String, Object> variables = new HashMap<>();
        variables.put(SUPERVISED_TASK_ID, step.getId());
        variables.put(DirectiveProcessVariables.EXPO_ID, step.getVariable(DirectiveProcessVariables.EXPO_ID));
        variables.put(DirectiveProcessVariables.DIRECTIVE_ID, step.getVariable(DirectiveProcessVariables.DIRECTIVE_ID));
        variables.put(DirectiveProcessVariables.UNIT_ID, unitId);
        variables.put(ACTING_GROUP, handedOverTo == null ? unitId : handedOverTo);
        variables.put(DUE_AT, Date.from(dueAt));
        variables.put(ESCALATE_AT, Date.from(dueAt.plus(duration(kindOf(step.getBpmnModelElementInstance()),
                ESCALATE_AFTER, defaultEscalateAfter))));
        context.getProcessEngineConfiguration().getRuntimeService().createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(businessKey(step.getId())).setVariables(variables)
                .startBeforeActivity(OVERDUE_ACTIVITY).execute();
    }

    /** Deletes the timer of this id, if there is one: a look-up by key, where one by configuration is a query. */
    private static boolean deleteTimer(CommandContext context, String jobId) {
        JobEntity timer = context.getJobManager().findJobById(jobId);
        if (timer == null) {
            return false;
        }
        delete(context, timer);
        return true;
    }

    private static boolean deleteTimers(CommandContext context, StepDeadlineTimer.Milestone milestone, String taskId) {
        List<JobEntity> timers = context.getJobManager().findJobsByConfiguration(milestone.jobType(), taskId, null);
        timers.forEach(timer -> delete(context, timer));
        return !timers.isEmpty();
    }

    private static void delete(CommandContext context, JobEntity timer) {
        if (timer.getExceptionByteArrayId() == null) {
            // never failed, so no incident to remove: spares the engine's look-up for one on every completion
            timer.incrementSequenceCounter();
            context.getJobManager().deleteJob(timer, true);
        } else {
            timer.delete();
        }
    }

    private static void schedule(CommandContext context, StepDeadlineTimer.Milestone milestone, String taskId, Instant dueAt,
                                 Instant at) {
        TimerEntity timer = new TimerEntity();
        String id = milestone.jobId(taskId, dueAt);
        if (id.length() <= ENGINE_ID_LENGTH) {
            timer.setId(id);
        }
        timer.setJobHandlerType(milestone.jobType());
        timer.setJobHandlerConfigurationRaw(taskId);
        timer.setDuedate(Date.from(at));
        context.getJobManager().schedule(timer);
    }

    private static List<ProcessInstance> supervisionsOf(RuntimeService runtime, String taskId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(taskId)).list();
    }

    // the engine's own command executor: joins the command a listener runs in, or opens one for a caller outside
    private static <T> T inEngine(RuntimeService runtime, Function<CommandContext, T> work) {
        return ((ServiceImpl) runtime).getCommandExecutor().execute(work::apply);
    }

    private static String businessKey(String taskId) {
        return "supervision:" + taskId;
    }

    /** The process (the directive kind) a model element belongs to. */
    static Process kindOf(ModelElementInstance element) {
        for (var parent = element == null ? null : element.getParentElement(); parent != null; parent = parent.getParentElement()) {
            if (parent instanceof Process process) {
                return process;
            }
        }
        return null;
    }

    static Duration duration(Process kind, String property, Duration fallback) {
        String declared = kind == null ? null : StepProperties.of(kind, property);
        return declared == null ? fallback : Duration.parse(declared);
    }
}
