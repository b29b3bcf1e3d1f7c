package org.expoflow.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.expoflow.projections.api.UnitMonth;
import org.junit.jupiter.api.Test;

/**
 * The office sets how it scores: the same month of a unit scores as the weights and points it chose, a part weighted 0
 * leaves the score, and settings that leave nothing to weigh are refused when the application starts.
 */
class RankingScoresTest {

    // 2 on time, 1 late, 1 still overdue; 1.5 days late; 2 chase-ups, 1 return; 4 reports owed, 1 missing
    private static final UnitMonth MONTH = new UnitMonth("dalian", "大连市", 2, 1, 1, new BigDecimal("1.5"), 2, 1, 4, 1);

    private static RankingSettings settings(int onTime, int daysLate, int chaseUps, int returns, int reports, int figures,
                                            int perDay, int perChaseUp, int perReturn) {
        return new RankingSettings(new RankingSettings.Weights(BigDecimal.valueOf(onTime), BigDecimal.valueOf(daysLate),
                BigDecimal.valueOf(chaseUps), BigDecimal.valueOf(returns), BigDecimal.valueOf(reports), BigDecimal.valueOf(figures)),
                BigDecimal.valueOf(perDay), BigDecimal.valueOf(perChaseUp), BigDecimal.valueOf(perReturn));
    }

    @Test
    void theDefaultWeightsScoreAMonth() {
        RankingSettings defaults = settings(30, 20, 15, 10, 10, 15, 5, 20, 20);
        UnitRanking.Parts parts = UnitRanking.parts(MONTH, new BigDecimal("0.6"), defaults);
        assertThat(parts).isEqualTo(new UnitRanking.Parts(new BigDecimal("50.0"), new BigDecimal("92.5"), new BigDecimal("60.0"),
                new BigDecimal("80.0"), new BigDecimal("75.0"), new BigDecimal("60.0")));
        // (30·50 + 20·92.5 + 15·60 + 10·80 + 10·75 + 15·60) / 100
        assertThat(UnitRanking.score(parts, defaults.weights())).isEqualByComparingTo("67.0");
    }

    @Test
    void theOfficesOwnWeightsAndPointsScoreTheSameMonthDifferently() {
        RankingSettings onTimeOnly = settings(1, 0, 0, 0, 0, 0, 5, 20, 20);
        assertThat(UnitRanking.score(UnitRanking.parts(MONTH, null, onTimeOnly), onTimeOnly.weights())).isEqualByComparingTo("50.0");
        RankingSettings harsh = settings(0, 0, 1, 0, 0, 0, 5, 60, 20);
        assertThat(UnitRanking.parts(MONTH, null, harsh).chaseUps()).as("two chase-ups at 60 points each: nothing left, never below 0")
                .isEqualByComparingTo("0");
        assertThat(UnitRanking.parts(MONTH, null, harsh).figures()).as("no targets: nothing to judge, full marks").isEqualByComparingTo("100");
    }

    @Test
    void settingsThatLeaveNothingToWeighAreRefused() {
        assertThatThrownBy(() -> settings(0, 0, 0, 0, 0, 0, 5, 20, 20)).hasMessageContaining("expoflow.ranking.weights");
        assertThatThrownBy(() -> settings(30, -1, 0, 0, 0, 0, 5, 20, 20)).hasMessageContaining("below 0");
    }

    @Test
    void aTrendReadsAsPeopleWriteIt() {
        assertThat(RankingNotice.trend(new BigDecimal("3.5"))).isEqualTo("+3.5");
        assertThat(RankingNotice.trend(new BigDecimal("-2.0"))).isEqualTo("−2.0");
        assertThat(RankingNotice.trend(null)).isEqualTo("—");
    }
}
