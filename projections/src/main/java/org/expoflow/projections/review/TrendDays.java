package org.expoflow.projections.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.expoflow.projections.api.Trend;
import org.expoflow.projections.support.Times;
import org.expoflow.projections.tasks.UnitStepReadings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The trend beside the board, day by day since the expo was planned: the unit steps given out and done, and
 * each figure's total, at each day's end (today: now).
 * <p>
 * A day that has ended does not change any more: events are stored as they happen, never dated back, so the
 * versions in force at its end stay what they were. Each node therefore keeps, per expo and time zone, the
 * days it has swept and the counts at the end of the last of them, and a later request sweeps only the
 * versions that came into or went out of force since: a day's worth, where sweeping from the start reads
 * every version of the expo (docs/performance.md, "A province's morning"). Today is kept the same way up to
 * {@link #SETTLED_AFTER} ago, so that the board asked all day long sweeps the last minutes, not the whole day's
 * versions again. A request as of an instant before what is
 * kept, or the first after a node starts, sweeps from the start. Nothing is kept up to an instant less than
 * {@link #SETTLED_AFTER} ago, so that a transaction still committing events stamped before it cannot be missed.
 */
final class TrendDays {

    static final Duration SETTLED_AFTER = Duration.ofMinutes(5);

    private final UnitStepReadings unitSteps;
    private final JdbcTemplate jdbc;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    private final Map<Key, ReentrantLock> sweeps = new ConcurrentHashMap<>();

    TrendDays(UnitStepReadings unitSteps, JdbcTemplate jdbc) {
        this.unitSteps = unitSteps;
        this.jdbc = jdbc;
    }

    private record Key(String expoId, ZoneId zone) {
    }

    /**
     * The counts in force at {@code end}, the last instant swept, and the {@code days} swept whole before {@code day}, the
     * day {@code end} falls in (the day after the last swept whole when {@code end} is its last instant).
     */
    private record Kept(LocalDate day, Instant end, Counts counts, List<Trend.Day> days) {
    }

    /**
     * The series of an expo planned at {@code planned}, up to {@code asOf}, at {@code now}. A sweep from the start holds
     * every version of the expo in memory: one at a time per expo, and those that waited go on from the days it kept
     * (the leaders opening their boards together after a node started ran its heap out, each sweeping from the start).
     */
    List<Trend.Day> days(String expoId, Instant planned, Instant asOf, ZoneId zone, Instant now) {
        Key key = new Key(expoId, zone);
        Kept from = keptBefore(key, asOf);
        if (from != null) {
            return daysFrom(key, from, planned, asOf, zone, now);
        }
        ReentrantLock sweep = sweeps.computeIfAbsent(key, any -> new ReentrantLock(true));
        sweep.lock();
        try {
            return daysFrom(key, keptBefore(key, asOf), planned, asOf, zone, now);
        } finally {
            sweep.unlock();
        }
    }

    /** The days kept for the key, if they end before {@code asOf}; an instant within them is swept from the start. */
    private Kept keptBefore(Key key, Instant asOf) {
        Kept from = kept.get(key);
        return from != null && asOf.isBefore(from.end()) ? null : from;
    }

    private List<Trend.Day> daysFrom(Key key, Kept from, Instant planned, Instant asOf, ZoneId zone, Instant now) {
        String expoId = key.expoId();
        Counts counts = from == null ? new Counts() : from.counts().copy();
        List<Trend.Day> days = from == null ? new ArrayList<>() : new ArrayList<>(from.days());
        List<Change> changes = from == null ? allChanges(expoId, asOf) : changesAfter(expoId, from.end(), asOf);
        changes.sort(Comparator.comparing(Change::at));
        Instant settled = now.minus(SETTLED_AFTER);
        Instant sweptTo = from == null ? Instant.MIN : from.end();
        Kept keep = null;
        int next = 0;
        LocalDate last = asOf.atZone(zone).toLocalDate();
        for (LocalDate day = from == null ? planned.atZone(zone).toLocalDate() : from.day();
             !day.isAfter(last); day = day.plusDays(1)) {
            Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
            boolean whole = !endOfDay.isAfter(asOf);
            Instant at = whole ? endOfDay.minusNanos(1000) : asOf;
            if (!whole && settled.isAfter(sweptTo) && settled.isBefore(at) && !settled.isBefore(day.atStartOfDay(zone).toInstant())) {
                // today up to its settled instant, for the next request to go on from
                next = applyUpTo(changes, next, settled, counts);
                keep = new Kept(day, settled, counts.copy(), List.copyOf(days));
            }
            // in force at the instant: come into force at or before it, not gone out of force by then
            next = applyUpTo(changes, next, at, counts);
            days.add(counts.day(day));
            if (whole && !endOfDay.isAfter(settled)) {
                keep = new Kept(day.plusDays(1), at, counts.copy(), List.copyOf(days));
            }
        }
        if (keep != null) {
            kept.merge(key, keep, (before, after) -> after.end().isAfter(before.end()) ? after : before);
        }
        return days;
    }

    /** Applies the changes from {@code next} on up to {@code at} to {@code counts}; the index of the first not applied. */
    private static int applyUpTo(List<Change> changes, int next, Instant at, Counts counts) {
        for (; next < changes.size() && !changes.get(next).at().isAfter(at); next++) {
            changes.get(next).applyTo(counts);
        }
        return next;
    }

    /** Every change up to {@code asOf}: each version's coming into force, and its going out of force if it has. */
    private List<Change> allChanges(String expoId, Instant asOf) {
        List<Change> changes = new ArrayList<>();
        for (UnitStepReadings.StepSpan span : unitSteps.unitStepSpansOfExpo(expoId, asOf)) {
            stepCameIn(changes, span);
        }
        jdbc.query("select figure, figure_value, valid_from, valid_to from unit_figure_version where expo_id = ? and valid_from <= ?",
                rs -> { figureCameIn(changes, rs.getString("figure"), rs.getBigDecimal("figure_value"),
                        Times.instant(rs, "valid_from"), Times.instant(rs, "valid_to")); },
                expoId, Times.utc(asOf));
        return changes;
    }

    /**
     * The changes after {@code since} up to {@code asOf}: the versions that came into force since, and those in
     * force at {@code since} that went out of force since: the same changes {@link #allChanges} finds, from the
     * days kept on. A figure's version is found by its end (an index), not through the version that followed it.
     */
    private List<Change> changesAfter(String expoId, Instant since, Instant asOf) {
        List<Change> changes = new ArrayList<>();
        for (UnitStepReadings.StepSpan span : unitSteps.unitStepSpansOfExpo(expoId, since, asOf)) {
            stepCameIn(changes, span);
        }
        for (UnitStepReadings.StepSpan span : unitSteps.unitStepSpansClosedAfter(expoId, since, asOf)) {
            changes.add(new StepChange(span.validTo(), -1, span.completed() ? -1 : 0));
        }
        jdbc.query("select figure, figure_value, valid_from, valid_to from unit_figure_version where expo_id = ?"
                        + " and valid_from > ? and valid_from <= ?",
                rs -> { figureCameIn(changes, rs.getString("figure"), rs.getBigDecimal("figure_value"),
                        Times.instant(rs, "valid_from"), Times.instant(rs, "valid_to")); },
                expoId, Times.utc(since), Times.utc(asOf));
        jdbc.query("select figure, figure_value, valid_to from unit_figure_version where expo_id = ? and valid_to > ?"
                        + " and valid_to <= ? and valid_from <= ?",
                rs -> { changes.add(new FigureChange(Times.instant(rs, "valid_to"), rs.getString("figure"),
                        rs.getBigDecimal("figure_value").negate(), -1)); },
                expoId, Times.utc(since), Times.utc(asOf), Times.utc(since));
        return changes;
    }

    private static void stepCameIn(List<Change> changes, UnitStepReadings.StepSpan span) {
        changes.add(new StepChange(span.validFrom(), 1, span.completed() ? 1 : 0));
        if (span.validTo() != null) {
            changes.add(new StepChange(span.validTo(), -1, span.completed() ? -1 : 0));
        }
    }

    private static void figureCameIn(List<Change> changes, String figure, BigDecimal value, Instant from, Instant to) {
        changes.add(new FigureChange(from, figure, value, 1));
        if (to != null) {
            changes.add(new FigureChange(to, figure, value.negate(), -1));
        }
    }

    /** What is in force at an instant: unit steps, those done, and each figure's sum over its versions. */
    private static final class Counts {
        private int scope;
        private int done;
        private final Map<String, BigDecimal> sums = new HashMap<>();
        private final Map<String, Integer> inForce = new HashMap<>();

        Counts copy() {
            Counts copy = new Counts();
            copy.scope = scope;
            copy.done = done;
            copy.sums.putAll(sums);
            copy.inForce.putAll(inForce);
            return copy;
        }

        Trend.Day day(LocalDate date) {
            Map<String, BigDecimal> totals = new TreeMap<>();
            sums.forEach((figure, sum) -> {
                if (inForce.getOrDefault(figure, 0) > 0) {
                    totals.put(figure, sum.stripTrailingZeros());
                }
            });
            return new Trend.Day(date, scope, done, totals);
        }
    }

    private sealed interface Change permits StepChange, FigureChange {
        Instant at();

        void applyTo(Counts counts);
    }

    private record StepChange(Instant at, int scope, int done) implements Change {
        @Override
        public void applyTo(Counts counts) {
            counts.scope += scope;
            counts.done += done;
        }
    }

    private record FigureChange(Instant at, String figure, BigDecimal value, int inForce) implements Change {
        @Override
        public void applyTo(Counts counts) {
            counts.sums.merge(figure, value, BigDecimal::add);
            counts.inForce.merge(figure, inForce, Integer::sum);
        }
    }
}
