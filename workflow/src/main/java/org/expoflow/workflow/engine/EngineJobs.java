package org.expoflow.workflow.engine;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * The port through which the gauges read the engine's job table: deadline timers, asynchronous continuations and
 * their retries. A job is <em>due</em> once its time has come and retries are left, <em>failed</em> when none are
 * left (an administrator retries it), and <em>waiting</em> otherwise.
 */
@Component
public class EngineJobs {

    private final ManagementService management;

    public EngineJobs(ManagementService management) {
        this.management = management;
    }

    public record Counts(long due, long failed, long waiting) {
    }

    public Counts count() {
        long due = management.createJobQuery().executable().count();
        long failed = management.createJobQuery().noRetriesLeft().count();
        long all = management.createJobQuery().count();
        return new Counts(due, failed, Math.max(0, all - due - failed));
    }
}
