package org.expoflow.workflow.engine;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * An engine job that watches one unit step's deadline (see {@link DeadlineSupervision}); its
 * configuration is the step's task id, so closing the step finds it by index. The due-soon timer
 * records {@code TaskDueSoon} for the deadline then in force and leaves the deadline timer; the deadline
 * timer hands the step to the supervision process, which records it overdue. A timer whose step has
 * closed meanwhile does nothing.
 */
final class StepDeadlineTimer implements JobHandler<StepDeadlineTimer.WatchedTask> {

    enum Milestone {
        DUE_SOON("expoflow-step-due-soon"), DEADLINE("expoflow-step-deadline");

        private final String jobType;

        Milestone(String jobType) {
            this.jobType = jobType;
        }

        String jobType() {
            return jobType;
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
