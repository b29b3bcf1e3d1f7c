package org.expoflow.workflow.engine;

import java.time.Instant;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * An engine job that watches one unit step's deadline (see {@link DeadlineSupervision}); its id is made of the
 * step and its deadline, so closing the step finds it by key ({@link Milestone#jobId}), and its configuration is
 * the step's task id. The due-soon timer records {@code TaskDueSoon} for the deadline then in force and leaves the
 * deadline timer; the deadline timer hands the step to the supervision process, which records it overdue. A timer
 * whose step has closed meanwhile does nothing.
 */
final class StepDeadlineTimer implements JobHandler<StepDeadlineTimer.WatchedTask> {

    enum Milestone {
        DUE_SOON("expoflow-step-due-soon", "due-soon"), DEADLINE("expoflow-step-deadline", "deadline");

        private final String jobType;
        private final String idPrefix;

        Milestone(String jobType, String idPrefix) {
            this.jobType = jobType;
            this.idPrefix = idPrefix;
        }

        String jobType() {
            return jobType;
        }

        /**
         * The timer's id, made of its step and the deadline it watches, so that closing the step finds it by key
         * (a timer of an earlier version, under an id of the engine's, is found by its configuration). The
         * deadline is part of it: a deadline moved is watched by a new timer while the old one is still to be deleted.
         */
        String jobId(String taskId, Instant dueAt) {
            return idPrefix + ":" + taskId + ":" + dueAt.getEpochSecond();
        }
    }

    record WatchedTask(String taskId) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return taskId;
        }
    }

    private final Milestone milestone;
    private final DeadlineSupervision supervision;

    StepDeadlineTimer(Milestone milestone, DeadlineSupervision supervision) {
        this.milestone = milestone;
        this.supervision = supervision;
    }

    @Override
    public String getType() {
        return milestone.jobType();
    }

    @Override
    public void execute(WatchedTask configuration, ExecutionEntity execution, CommandContext context, String tenantId) {
        TaskEntity step = context.getTaskManager().findTaskById(configuration.taskId());
        if (step == null || step.getDueDate() == null) {
            return;
        }
        switch (milestone) {
            case DUE_SOON -> supervision.dueSoonReached(context, step);
            case DEADLINE -> supervision.deadlinePassed(context, step);
        }
    }

    @Override
    public WatchedTask newConfiguration(String canonicalString) {
        return new WatchedTask(canonicalString);
    }

    @Override
    public void onDelete(WatchedTask configuration, JobEntity job) {
        // the job is all there is to a pending watch
    }
}
