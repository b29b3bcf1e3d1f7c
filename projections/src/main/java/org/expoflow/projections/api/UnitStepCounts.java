package org.expoflow.projections.api;

import java.util.List;

/**
 * A unit's own steps (not the office's reviews, not chase-ups, not cancelled or withdrawn ones) counted by
 * where they stand: open; overdue and due soon among the open ones; due by now (deadline passed, done or
 * not); done.
 */
public record UnitStepCounts(String unitId, long open, long overdue, long dueSoon, long due, long done) {

    public record Report(List<UnitStepCounts> units) {
    }
}
