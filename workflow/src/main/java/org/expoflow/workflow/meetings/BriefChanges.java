package org.expoflow.workflow.meetings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.workflow.kinds.KindTexts;

/**
 * What changed since the previous meeting, as a leader reads it before the meeting: unit by unit, in the board's
 * order, the steps given out, finished and newly overdue, each as "directive · step" in the reader's language, once: a
 * step redone after a return is the same step given out again, said with how many times.
 */
record BriefChanges(String unitId, String unitName, List<Said> newSteps, List<Said> finishedSteps, List<Said> newlyOverdue) {

    /** A step as the leader reads it, and how many times it changed so ({@code times} above 1: redone). */
    record Said(String text, int times) {
    }

    static List<BriefChanges> byUnit(MeetingBrief.Changes changes, Map<String, String> unitNames, KindTexts kinds) {
        Map<String, BriefChanges> byUnit = new LinkedHashMap<>();
        changes.newTasks().forEach(task -> once(of(byUnit, task, unitNames).newSteps(), said(task, kinds)));
        changes.finishedTasks().forEach(task -> once(of(byUnit, task, unitNames).finishedSteps(), said(task, kinds)));
        changes.newlyOverdue().forEach(task -> once(of(byUnit, task, unitNames).newlyOverdue(), said(task, kinds)));
        // in the register's order, as unitNames holds them (沈阳、大连、鞍山…)
        List<String> order = List.copyOf(unitNames.keySet());
        return byUnit.values().stream().sorted(java.util.Comparator.comparingInt((BriefChanges unit) -> order.contains(unit.unitId())
                ? order.indexOf(unit.unitId()) : Integer.MAX_VALUE).thenComparing(BriefChanges::unitId)).toList();
    }

    private static BriefChanges of(Map<String, BriefChanges> byUnit, MeetingBrief.BriefTask task, Map<String, String> unitNames) {
        return byUnit.computeIfAbsent(task.unitId(), unit -> new BriefChanges(unit, unitNames.getOrDefault(unit, unit),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }

    private static void once(List<Said> steps, String text) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).text().equals(text)) {
                steps.set(i, new Said(text, steps.get(i).times() + 1));
                return;
            }
        }
        steps.add(new Said(text, 1));
    }

    private static String said(MeetingBrief.BriefTask task, KindTexts kinds) {
        return (task.directiveTitle() == null ? "" : task.directiveTitle() + " · ")
                + kinds.step(task.kind(), task.stepKey(), task.stepName());
    }
}
