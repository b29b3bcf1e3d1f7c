package org.expoflow.workflow.config;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters Axon's dimensional metrics keep for the command bus, the query bus and a processor working in
 * the writer's transaction, under the same names and tags ({@code commandBus.allTimer{payloadType}},
 * {@code eventProcessor.successCounter{payloadType,processorName}}, ...), each looked up once per payload type.
 * Axon's own monitors look every meter up in the registry again for every message (nine look-ups, their
 * tags compared one by one), a visible share of a completion, which sends two commands and a query and whose
 * two processors handle two events (docs/adr/0009-axon-plumbing-trimmed.md).
 * <p>
 * Left out: the capacity meters (how busy a handler was over a sliding window, kept message by message), and
 * for a processor its latency (how long an event waited for it: a processor in the writer's transaction
 * takes it at once).
 */
final class MetersByPayloadType implements MessageMonitor<Message<?>> {

    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    /** The meters of one payload type. */
    private record Meters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored,
                          Timer all, Timer successTime, Timer failureTime, Timer ignoredTime) {
    }

    private final MeterRegistry registry;
    private final String name;
    private final Tags componentTags;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    /** For the command or the query bus: {@code name} is the bus's ({@code commandBus}). */
    static MetersByPayloadType ofBus(MeterRegistry registry, String name) {
        return new MetersByPayloadType(registry, name, Tags.empty());
    }

    /** For an event processor, under Axon's {@code eventProcessor} with its name as a tag. */
    static MetersByPayloadType ofProcessor(MeterRegistry registry, String processorName) {
        return new MetersByPayloadType(registry, "eventProcessor", Tags.of("processorName", processorName));
    }

    private MetersByPayloadType(MeterRegistry registry, String name, Tags componentTags) {
        this.registry = registry;
        this.name = name;
        this.componentTags = componentTags;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::metersOf);
        meters.ingested().increment();
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.processed().increment();
                finished(meters.success(), meters.successTime());
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.processed().increment();
                finished(meters.failure(), meters.failureTime());
            }

            @Override
            public void reportIgnored() {
                finished(meters.ignored(), meters.ignoredTime());
            }

            private void finished(Counter outcome, Timer outcomeTime) {
                long took = System.nanoTime() - start;
                outcome.increment();
                meters.all().record(took, TimeUnit.NANOSECONDS);
                outcomeTime.record(took, TimeUnit.NANOSECONDS);
            }
        };
    }

    private Meters metersOf(Class<?> payloadType) {
        Tags tags = Tags.of("payloadType", payloadType.getSimpleName()).and(componentTags);
        return new Meters(counter("ingestedCounter", tags), counter("successCounter", tags), counter("failureCounter", tags),
                counter("processedCounter", tags), counter("ignoredCounter", tags), timer("allTimer", tags),
                timer("successTimer", tags), timer("failureTimer", tags), timer("ignoredTimer", tags));
    }

    private Counter counter(String meter, Tags tags) {
        return Counter.builder(name + "." + meter).tags(tags).register(registry);
    }

    private Timer timer(String meter, Tags tags) {
        // as Axon's timers are: percentiles over the last ten minutes
        return Timer.builder(name + "." + meter).tags(tags).distributionStatisticExpiry(Duration.ofMinutes(10))
                .publishPercentiles(PERCENTILES).register(registry);
    }
}
