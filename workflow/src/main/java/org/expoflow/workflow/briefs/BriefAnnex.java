package org.expoflow.workflow.briefs;

import static org.expoflow.workflow.briefs.BriefWording.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.MeetingBrief;

/**
 * The brief's annex: every row its summary counted, one table each (the overdue steps with their days late and
 * grades, the chase-ups with their replies, the instructions with their feedback, the extension requests with their
 * decisions, the figures per unit and in total, what changed since the last meeting), then the units' reports and the
 * decisions taken at the meeting. A printed copy may cut a long table short; the spreadsheet holds it whole.
 */
final class BriefAnnex {

    private final MeetingBrief brief;
    private final BriefWording words;

    BriefAnnex(MeetingBrief brief, BriefWording words) {
        this.brief = brief;
        this.words = words;
    }

    /** The annex's tables, in the order listed above. */
    BriefText.Section section() {
        List<BriefTables.Table> tables = new ArrayList<>();
        tables.add(overdueTable());
        tables.add(chaseUpTable());
        tables.add(instructionTable());
        tables.add(extensionTable());
        tables.add(figureTable());
        tables.add(changeTable());
        tables.add(reportTable());
        tables.add(decisionTable());
        return new BriefText.Section(words.say("s.annex"), List.of(), tables);
    }

    private BriefTables.Table overdueTable() {
        List<List<Object>> rows = new ArrayList<>();
        brief.overdue().items().stream().sorted(Comparator.comparing(DeadlineList.Item::unitId, words.unitOrder())
                        .thenComparing(DeadlineList.Item::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(item -> rows.add(List.of(words.unit(item.unitId()), text(item.directiveTitle()),
                        words.stepName(item.kind(), item.stepKey(), item.stepName()),
                        item.dueAt() == null ? "" : words.dateCell(item.dueAt(), false),
                        item.dueAt() == null ? "" : words.daysLate(item.dueAt()),
                        item.chaseUpGrade() == null ? "" : words.say("grade." + item.chaseUpGrade().name()))));
        return new BriefTables.Table(words.say("a.overdue"), words.columns("col.unit", "col.directive", "col.step",
                "col.due", "col.daysLate", "col.grade"), rows);
    }

    private BriefTables.Table chaseUpTable() {
        List<List<Object>> rows = new ArrayList<>();
        brief.chaseUps().forEach(c -> rows.add(List.of(words.dateCell(c.at(), true), words.unit(c.unitId()),
                text(c.directiveTitle()), words.stepName(c.kind(), c.stepKey(), c.stepName()),
                words.say("grade." + c.grade().name()), words.person(c.chasedBy()), text(c.message()),
                c.acknowledgedAt() == null ? "" : words.dateCell(c.acknowledgedAt(), true), text(c.reply()))));
        return new BriefTables.Table(words.say("a.chaseUps"), words.columns("col.when", "col.unit", "col.directive",
                "col.step", "col.grade", "col.by", "col.message", "col.repliedAt", "col.reply"), rows);
    }

    private BriefTables.Table instructionTable() {
        List<List<Object>> rows = new ArrayList<>();
        brief.instructions().forEach(i -> rows.add(List.of(words.dateCell(i.at(), true), words.person(i.author()),
                i.unitId() == null ? words.say("allUnits") : words.unit(i.unitId()), text(i.directiveTitle()),
                i.stepKey() == null && i.stepName() == null ? "" : words.stepName(i.kind(), i.stepKey(), i.stepName()),
                i.text(), i.taskId() == null ? "" : words.feedback(i))));
        return new BriefTables.Table(words.say("a.instructions"), words.columns("col.when", "col.leader", "col.unit",
                "col.directive", "col.step", "col.instruction", "col.feedback"), rows);
    }

    private BriefTables.Table extensionTable() {
        List<List<Object>> rows = new ArrayList<>();
        brief.extensions().forEach(e -> rows.add(List.of(words.dateCell(e.at(), true), words.unit(e.unitId()),
                text(e.directiveTitle()), words.stepName(e.kind(), e.stepKey(), e.stepName()),
                e.currentDueAt() == null ? "" : words.dateCell(e.currentDueAt(), false), words.dateCell(e.dueAt(), false),
                text(e.reason()), words.decision(e.approved()), text(e.comment()))));
        return new BriefTables.Table(words.say("a.extensions"), words.columns("col.when", "col.unit", "col.directive",
                "col.step", "col.currentDue", "col.askedDue", "col.reason", "col.decision", "col.comment"), rows);
    }

    private BriefTables.Table figureTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (FiguresReport.UnitFigures unit : brief.figures().units()) {
            words.figureKeys(unit.figures().keySet()).forEach(key -> rows.add(words.figureRow(words.unit(unit.unitId()), key,
                    unit.figures().get(key))));
        }
        words.figureKeys(brief.figures().total().keySet()).forEach(key -> rows.add(words.figureRow(words.say("total"), key,
                brief.figures().total().get(key))));
        return new BriefTables.Table(words.say("a.figures"), words.columns("col.unit", "col.figure", "col.measure",
                "col.value", "col.target", "col.rate"), rows);
    }

    private BriefTables.Table changeTable() {
        List<List<Object>> rows = new ArrayList<>();
        MeetingBrief.Changes changes = brief.changes();
        changes.newTasks().forEach(task -> rows.add(change("change.new", task)));
        changes.finishedTasks().forEach(task -> rows.add(change("change.finished", task)));
        changes.newlyOverdue().forEach(task -> rows.add(change("change.overdue", task)));
        return new BriefTables.Table(words.say("a.changes"), words.columns("col.change", "col.unit", "col.directive",
                "col.step", "col.due"), rows);
    }

    private List<Object> change(String what, MeetingBrief.BriefTask task) {
        return List.of(words.say(what), words.unit(task.unitId()), text(task.directiveTitle()),
                words.stepName(task.kind(), task.stepKey(), task.stepName()),
                task.dueAt() == null ? "" : words.dateCell(task.dueAt(), false));
    }

    private BriefTables.Table reportTable() {
        List<List<Object>> rows = new ArrayList<>();
        brief.meeting().reports().stream().sorted(Comparator.comparing(r -> r.unitId(), words.unitOrder()))
                .forEach(report -> rows.add(List.of(words.unit(report.unitId()), text(report.progress()),
                        text(report.problems()),
                        text(report.suggestions()))));
        return new BriefTables.Table(words.say("a.reports"), words.columns("col.unit", "col.progress", "col.problems",
                "col.suggestions"), rows);
    }

    private BriefTables.Table decisionTable() {
        List<List<Object>> rows = new ArrayList<>();
        brief.meeting().decisions().forEach(decision -> rows.add(List.of(decision.text(), decision.directiveIds().size())));
        return new BriefTables.Table(words.say("a.decisions"), words.columns("col.decisionText", "col.directivesIssued"),
                rows);
    }
}
