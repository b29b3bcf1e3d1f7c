package org.expoflow.workflow.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.projections.api.FindUnitStepCounts;
import org.expoflow.projections.api.ReadModelsRebuilding;
import org.expoflow.projections.api.UnitStepCounts;
import org.expoflow.projections.support.ProjectionRebuild;
import org.expoflow.projections.support.ReadModelState;
import org.expoflow.workflow.engine.EngineJobs;
import org.expoflow.workflow.units.UnitRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * What stands now, as gauges read afresh every {@code expoflow.metrics.refresh} (30 s unless set) rather
 * than at every scrape: each unit's own steps by state (a leader's "done against due" per city), the engine's
 * job backlog, and how far each group of read models lags the event store, in events and, while a rebuild
 * runs, in seconds. While the read models are rebuilt the step counts keep their last values.
 */
@Component
public class ExpoGauges {

    private static final Logger log = LoggerFactory.getLogger(ExpoGauges.class);

    private final QueryGateway queries;
    private final UnitRegister units;
    private final EngineJobs engineJobs;
    private final ProjectionRebuild rebuild;
    private final ReadModelState readModels;
    private final Clock clock;
    private final MultiGauge unitSteps;
    private final MultiGauge jobs;
    private final MultiGauge lagEvents;
    private final MultiGauge lagSeconds;

    public ExpoGauges(MeterRegistry registry, QueryGateway queries, UnitRegister units, EngineJobs engineJobs,
                      ProjectionRebuild rebuild, ReadModelState readModels, Clock clock) {
        this.queries = queries;
        this.units = units;
        this.engineJobs = engineJobs;
        this.rebuild = rebuild;
        this.readModels = readModels;
        this.clock = clock;
        this.unitSteps = MultiGauge.builder("expoflow.unit.steps")
                .description("a unit's own steps by state: open, overdue, due_soon, due (deadline passed), done;"
                        + " named by both of the unit's names in the register (沈阳市 Shenyang): a dashboard has no one reader's language")
                .register(registry);
        this.jobs = MultiGauge.builder("expoflow.engine.jobs")
                .description("the engine's jobs: due (to run now), waiting (a timer not yet due), failed (no retries left)")
                .register(registry);
        this.lagEvents = MultiGauge.builder("expoflow.read.models.lag.events")
                .description("events stored but not yet in the read models of the processor").register(registry);
        this.lagSeconds = MultiGauge.builder("expoflow.read.models.lag.seconds")
                .description("how long the processor's read models have been rebuilding (0 when complete)").register(registry);
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${expoflow.metrics.refresh:PT30S}")
    public void refresh() {
        try {
            refreshUnitSteps();
        } catch (RuntimeException failed) {
            if (!(rootCause(failed) instanceof ReadModelsRebuilding)) {
                throw failed;
            }
            log.debug("read models rebuilding: step counts keep their last values");
        }
        EngineJobs.Counts counted = engineJobs.count();
        jobs.register(List.of(row("due", counted.due()), row("failed", counted.failed()), row("waiting", counted.waiting())), true);
        List<MultiGauge.Row<?>> events = new ArrayList<>();
        List<MultiGauge.Row<?>> seconds = new ArrayList<>();
        for (ProjectionRebuild.ProjectionProgress processor : rebuild.progress()) {
            events.add(MultiGauge.Row.of(Tags.of("processor", processor.name()), Math.max(0, processor.head() - processor.position())));
            double behind = readModels.rebuilding(processor.name())
                    .map(running -> Duration.between(running.startedAt(), clock.instant()).toMillis() / 1000.0).orElse(0.0);
            seconds.add(MultiGauge.Row.of(Tags.of("processor", processor.name()), behind));
        }
        lagEvents.register(events, true);
        lagSeconds.register(seconds, true);
    }

    private void refreshUnitSteps() {
        UnitStepCounts.Report report = queries.query(new FindUnitStepCounts(clock.instant()), UnitStepCounts.Report.class).join();
        Map<String, String> names = new HashMap<>();
        units.all().forEach(unit -> names.put(unit.unitId(), unit.bilingualName()));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (UnitStepCounts unit : report.units()) {
            Tags tags = Tags.of("unit", unit.unitId(), "name", names.getOrDefault(unit.unitId(), unit.unitId()));
            rows.add(MultiGauge.Row.of(tags.and("state", "open"), unit.open()));
            rows.add(MultiGauge.Row.of(tags.and("state", "overdue"), unit.overdue()));
            rows.add(MultiGauge.Row.of(tags.and("state", "due_soon"), unit.dueSoon()));
            rows.add(MultiGauge.Row.of(tags.and("state", "due"), unit.due()));
            rows.add(MultiGauge.Row.of(tags.and("state", "done"), unit.done()));
        }
        unitSteps.register(rows, true);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof ReadModelsRebuilding)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static MultiGauge.Row<?> row(String state, long count) {
        return MultiGauge.Row.of(Tags.of("state", state), count);
    }
}
