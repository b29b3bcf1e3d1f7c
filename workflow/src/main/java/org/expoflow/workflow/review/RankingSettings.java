package org.expoflow.workflow.review;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the office scores its units (考核评分), set without a release ({@code expoflow.ranking.*}): the weight of each
 * part of a unit's score, and what a day late, a chase-up and a return cost within their parts. The weights here are
 * the defaults: the office sets an expo's own on its ranking page ({@link RankingWeights}). A part weighted 0 leaves the
 * score; the weights need not add up to 100 (the score is their weighted mean).
 */
@ConfigurationProperties("expoflow.ranking")
public record RankingSettings(@DefaultValue Weights weights, @DefaultValue("5") BigDecimal pointsPerDayLate,
                              @DefaultValue("20") BigDecimal pointsPerChaseUp, @DefaultValue("20") BigDecimal pointsPerReturn) {

    public RankingSettings {
        if (weights.total().signum() <= 0) {
            throw new IllegalArgumentException("expoflow.ranking.weights: at least one weight must be above 0");
        }
        if (weights.parts().anyMatch(weight -> weight.signum() < 0) || pointsPerDayLate.signum() < 0
                || pointsPerChaseUp.signum() < 0 || pointsPerReturn.signum() < 0) {
            throw new IllegalArgumentException("expoflow.ranking: weights and points may not be below 0");
        }
    }

    /** The same points, with the weights an expo's office set. */
    public RankingSettings withWeights(Weights chosen) {
        return new RankingSettings(chosen, pointsPerDayLate, pointsPerChaseUp, pointsPerReturn);
    }

    /** The weight of each part: steps on time, days late, chase-ups, returns, reports on cadence, figures against targets. */
    public record Weights(@DefaultValue("30") BigDecimal onTime, @DefaultValue("20") BigDecimal daysLate,
                          @DefaultValue("15") BigDecimal chaseUps, @DefaultValue("10") BigDecimal returns,
                          @DefaultValue("10") BigDecimal reports, @DefaultValue("15") BigDecimal figures) {

        java.util.stream.Stream<BigDecimal> parts() {
            return java.util.stream.Stream.of(onTime, daysLate, chaseUps, returns, reports, figures);
        }

        BigDecimal total() {
            return parts().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
