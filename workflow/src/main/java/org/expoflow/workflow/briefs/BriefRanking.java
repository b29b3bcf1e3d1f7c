package org.expoflow.workflow.briefs;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Where a brief finds the month's ranking of units (考核评分) it names, best and worst: the review's ranking, kept
 * from the events, answers it. A port, so that the brief rests on no feature that rests on meetings.
 */
public interface BriefRanking {

    /** A unit's place: its rank (equal scores share one), its score out of 100, and its score less the month before's. */
    record Standing(int rank, String unitId, BigDecimal score, BigDecimal trend) {
    }

    /** The month's standings of the expo's units, best first; empty when there is none to tell. */
    List<Standing> standings(String expoId, YearMonth month);
}
