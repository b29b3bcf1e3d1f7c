package org.expoflow.workflow.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.queryhandling.QueryGateway;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.FindFigures;
import org.expoflow.projections.api.FindUnitMonths;
import org.expoflow.projections.api.UnitMonth;
import org.expoflow.workflow.application.PlanningWindow;
import org.expoflow.workflow.expos.ExpoWork;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The ranking of units (考核评分) the office publishes every month: each unit of an expo scored on its steps done on
 * time, the days it ran late, the chase-ups it needed, the work sent back to it, its reports on cadence and its figures
 * against their targets, each part 0 to 100 and the score their mean weighted as the office set it for the expo
 * ({@link RankingWeights}; the configured {@link RankingSettings} until it does); with the trend, the score against the
 * month before. A month is read as it stood at its end from the times its events carry, so a past month asked again
 * answers the same, as long as the office keeps its weights; the present month runs to now.
 * The board's ranking page, the API and the monthly notice (通报) read it; so may the meeting's brief.
 */
@Service
@EnableConfigurationProperties(RankingSettings.class)
public class UnitRanking {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private final QueryGateway queries;
    private final ExpoWork expos;
    private final UnitRegister register;
    private final RankingSettings settings;
    private final RankingWeights weights;
    private final Clock clock;
    private final ZoneId provinceZone;

    public UnitRanking(QueryGateway queries, ExpoWork expos, UnitRegister register, RankingSettings settings,
                       RankingWeights weights, Clock clock, @Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.queries = queries;
        this.expos = expos;
        this.register = register;
        this.settings = settings;
        this.weights = weights;
        this.clock = clock;
        this.provinceZone = provinceZone;
    }

    /** The parts of a score, each 0 to 100. */
    public record Parts(BigDecimal onTime, BigDecimal daysLate, BigDecimal chaseUps, BigDecimal returns, BigDecimal reports,
                        BigDecimal figures) {
    }

    /**
     * A unit's place in the month: {@code rank} (equal scores share one), its {@code score}, its {@code parts}, the
     * {@code counts} they come from, its {@code figuresShare} (the mean of its figures against their targets, each at
     * most 1; null without targets), and {@code trend}, its score less the month before's (null when it was not
     * enrolled then).
     */
    public record UnitScore(int rank, String unitId, String name, BigDecimal score, BigDecimal trend,
                            BigDecimal previousScore, Parts parts, UnitMonth counts, BigDecimal figuresShare) {
    }

    /** The month's ranking, best first, from {@code from} to {@code to} (now, for the present month). */
    public record Ranking(String expoId, String expoName, YearMonth month, Instant from, Instant to,
                          RankingSettings settings, List<UnitScore> units) {

        /** The best {@code n} units, or fewer when the expo has fewer. */
        public List<UnitScore> best(int n) {
            return units.subList(0, Math.min(n, units.size()));
        }

        /** The worst {@code n} units, worst first, none of them among the best {@code n}. */
        public List<UnitScore> worst(int n) {
            List<UnitScore> worst = new ArrayList<>(units.subList(Math.max(Math.min(n, units.size()), units.size() - n),
                    units.size()));
            java.util.Collections.reverse(worst);
            return worst;
        }
    }

    /** The month a caller named ({@code yyyy-MM}), or the present month when it named none; 400 naming {@code month}. */
    public YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(provinceZone));
        }
        try {
            return YearMonth.parse(month.strip(), MONTH);
        } catch (DateTimeParseException notAMonth) {
            throw DomainRuleViolation.invalid("month", "month must be a year and a month, yyyy-MM (e.g. 2030-01), not " + month)
                    .coded("notAMonth", month);
        }
    }

    @PreAuthorize("hasAnyRole('LEADER', 'COORDINATOR')")
    public Ranking ranking(String expoId, YearMonth month) {
        String expoName = expos.get(expoId).name();
        Instant from = month.atDay(1).atStartOfDay(provinceZone).toInstant();
        PlanningWindow.check("month", from);
        Instant now = clock.instant();
        if (from.isAfter(now)) {
            throw DomainRuleViolation.invalid("month", "month " + month + " has not begun yet")
                    .coded("monthFuture", month.toString());
        }
        // both months by the weights in force now, so that the trend compares like with like
        RankingSettings scoring = settings.withWeights(weights.of(expoId));
        Map<String, BigDecimal> previous = new HashMap<>();
        scores(expoId, month.minusMonths(1), now, scoring).forEach(unit -> previous.put(unit.unitId(), unit.score()));
        List<UnitScore> scored = scores(expoId, month, now, scoring).stream().map(unit -> {
            BigDecimal before = previous.get(unit.unitId());
            return new UnitScore(0, unit.unitId(), unit.name(), unit.score(), before == null ? null : unit.score().subtract(before),
                    before, unit.parts(), unit.counts(), unit.figuresShare());
        }).toList();
        Comparator<String> order = register.order();
        List<UnitScore> sorted = scored.stream().sorted(Comparator.comparing(UnitScore::score).reversed()
                .thenComparing(UnitScore::unitId, order)).toList();
        List<UnitScore> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            UnitScore unit = sorted.get(i);
            int rank = i > 0 && sorted.get(i - 1).score().compareTo(unit.score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new UnitScore(rank, unit.unitId(), unit.name(), unit.score(), unit.trend(), unit.previousScore(),
                    unit.parts(), unit.counts(), unit.figuresShare()));
        }
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(provinceZone).toInstant();
        return new Ranking(expoId, expoName, month, from, to.isAfter(now) ? now : to, scoring, List.copyOf(ranked));
    }

    /** Every enrolled unit's score in {@code month}, unranked; none for a month that had not begun by {@code now}. */
    private List<UnitScore> scores(String expoId, YearMonth month, Instant now, RankingSettings scoring) {
        Instant from = month.atDay(1).atStartOfDay(provinceZone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(provinceZone).toInstant();
        if (from.isAfter(now)) {
            return List.of();
        }
        boolean present = !end.isBefore(now);
        Instant to = present ? now : end;
        UnitMonth.Report months = queries.query(new FindUnitMonths(expoId, from, to, present), UnitMonth.Report.class).join();
        FiguresReport figures = queries.query(new FindFigures(expoId, present ? null : to), FiguresReport.class).join();
        Map<String, BigDecimal> figureShares = new HashMap<>();
        figures.units().forEach(unit -> {
            BigDecimal share = figuresShare(unit);
            if (share != null) {
                figureShares.put(unit.unitId(), share);
            }
        });
        List<UnitScore> scores = new ArrayList<>();
        for (UnitMonth unit : months.units()) {
            BigDecimal share = figureShares.get(unit.unitId());
            Parts parts = parts(unit, share, scoring);
            scores.add(new UnitScore(0, unit.unitId(), unit.name(), score(parts, scoring.weights()), null, null, parts, unit,
                    share));
        }
        return scores;
    }

    /** The mean of a unit's figures against their targets, each at most 1 (four places); null when none has a target. */
    static BigDecimal figuresShare(FiguresReport.UnitFigures unit) {
        List<BigDecimal> shares = unit.figures().values().stream()
                .filter(figure -> figure.target() != null && figure.target().signum() > 0)
                .map(figure -> (figure.value() == null ? BigDecimal.ZERO : figure.value())
                        .divide(figure.target(), 4, RoundingMode.HALF_UP).min(BigDecimal.ONE))
                .toList();
        return shares.isEmpty() ? null : shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(shares.size()), 4, RoundingMode.HALF_UP);
    }

    /**
     * Each part 0 to 100: the share of the month's due steps done on time (done late and still overdue counting
     * against it); 100 less the set points per day late, per chase-up and per return; the share of reports owed that
     * came on cadence; the figures' share of their targets. A part with nothing to judge it by scores 100.
     */
    static Parts parts(UnitMonth unit, BigDecimal figuresShare, RankingSettings settings) {
        int judged = unit.onTime() + unit.late() + unit.overdue();
        BigDecimal onTime = judged == 0 ? HUNDRED : percent(unit.onTime(), judged);
        BigDecimal reports = unit.reportsOwed() == 0 ? HUNDRED : percent(unit.reportsOwed() - unit.reportsMissed(), unit.reportsOwed());
        return new Parts(onTime, penalty(settings.pointsPerDayLate().multiply(unit.daysLate())),
                penalty(settings.pointsPerChaseUp().multiply(BigDecimal.valueOf(unit.chaseUps()))),
                penalty(settings.pointsPerReturn().multiply(BigDecimal.valueOf(unit.returns()))), reports,
                figuresShare == null ? HUNDRED : figuresShare.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP));
    }

    /** The parts' mean, weighted as the office set it, to a tenth. */
    static BigDecimal score(Parts parts, RankingSettings.Weights weights) {
        BigDecimal sum = parts.onTime().multiply(weights.onTime())
                .add(parts.daysLate().multiply(weights.daysLate()))
                .add(parts.chaseUps().multiply(weights.chaseUps()))
                .add(parts.returns().multiply(weights.returns()))
                .add(parts.reports().multiply(weights.reports()))
                .add(parts.figures().multiply(weights.figures()));
        return sum.divide(weights.total(), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(int part, int whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal penalty(BigDecimal points) {
        return HUNDRED.subtract(points).max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
    }
}
