package org.expoflow.workflow.observability;

import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskChasedUp;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.task.TaskDueSoon;
import org.expoflow.commands.api.task.TaskEscalated;
import org.expoflow.commands.api.task.TaskOverdue;
import org.expoflow.commands.api.task.TaskReturnedForRework;
import org.expoflow.workflow.kinds.DirectiveKindCatalogue;
import org.expoflow.workflow.units.UnitRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The expo's work as counters, one per kind of event, counted on the node that stored the event once its
 * transaction has committed (a refused step counts nothing). Its own processing group, projected with the
 * writer (subscribing), and never replayed: a rebuild of the read models does not count history again.
 */
@Component
@ProcessingGroup(SupervisionCounters.PROCESSING_GROUP)
public class SupervisionCounters {

    private static final Logger log = LoggerFactory.getLogger(SupervisionCounters.class);

    public static final String PROCESSING_GROUP = "supervision-metrics";

    private static final Map<String, String> PER_UNIT = Map.of(
            "expoflow.steps.assigned", "steps given to a unit (its own, the office's reviews, chase-ups)",
            "expoflow.steps.completed", "steps completed",
            "expoflow.steps.returned", "steps sent back to the unit for rework",
            "expoflow.steps.due.soon", "steps that became due soon",
            "expoflow.steps.overdue", "steps that went past their deadline open",
            "expoflow.chase.ups", "chase-ups sent to a unit",
            "expoflow.escalations", "overdue steps escalated to leadership");
    private static final String DIRECTIVES_ISSUED = "expoflow.directives.issued";

    private final MeterRegistry registry;
    private final UnitRegister units;
    private final DirectiveKindCatalogue kinds;

    public SupervisionCounters(MeterRegistry registry, UnitRegister units, DirectiveKindCatalogue kinds) {
        this.registry = registry;
        this.units = units;
        this.kinds = kinds;
    }

    /**
     * Every unit's and kind's counters from zero when the node is ready, so a rate over a first event is
     * seen as one (Prometheus cannot tell an increase from a series that appears).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void startAtZero() {
        try {
            units.all().forEach(unit -> PER_UNIT.keySet().forEach(name -> counter(name, "unit", unit.unitId())));
            kinds.all().forEach(kind -> counter(DIRECTIVES_ISSUED, "kind", kind.key()));
        } catch (RuntimeException databaseAway) {
            // a node that serves already must not stop over its counters: they then appear with their first event
            log.warn("the counters could not start at zero (the database is away?); they appear with their first event: {}",
                    databaseAway.getMessage());
        }
    }

    @EventHandler
    void on(DirectiveIssued event) {
        count(DIRECTIVES_ISSUED, "kind", event.kind());
    }

    @EventHandler
    void on(TaskAssigned event) {
        count("expoflow.steps.assigned", "unit", event.unitId());
    }

    @EventHandler
    void on(TaskCompleted event) {
        count("expoflow.steps.completed", "unit", event.unitId());
    }

    @EventHandler
    void on(TaskReturnedForRework event) {
        count("expoflow.steps.returned", "unit", event.unitId());
    }

    @EventHandler
    void on(TaskDueSoon event) {
        count("expoflow.steps.due.soon", "unit", event.unitId());
    }

    @EventHandler
    void on(TaskOverdue event) {
        count("expoflow.steps.overdue", "unit", event.unitId());
    }

    @EventHandler
    void on(TaskChasedUp event) {
        count("expoflow.chase.ups", "unit", event.unitId());
    }

    @EventHandler
    void on(TaskEscalated event) {
        count("expoflow.escalations", "unit", event.unitId());
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).description(PER_UNIT.getOrDefault(name, "directives issued, by kind"))
                .tag(tag, value == null ? "none" : value).register(registry);
    }

    private void count(String name, String tag, String value) {
        Runnable increment = () -> counter(name, tag, value).increment();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> increment.run());
        } else {
            increment.run();
        }
    }
}
