package org.expoflow.workflow.briefs;

import java.util.ArrayList;
import java.util.List;

import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.UnitDirectiveStatus;

/**
 * The brief's details: each directive with its kind and deadline, how many of its units are done and late, and a
 * row per unit in the register's order with its status, progress, deadline and situation; and the same rows as one
 * table, the directive's title first on each, for a spreadsheet.
 */
final class BriefDetails {

    private final MeetingBrief brief;
    private final BriefWording words;

    BriefDetails(MeetingBrief brief, BriefWording words) {
        this.brief = brief;
        this.words = words;
    }

    /** Each directive as a numbered part: its heading, its line of counts, and its units' table. */
    BriefText.Section section() {
        List<BriefText.Section> parts = new ArrayList<>();
        int n = 0;
        for (Board.BoardDirective directive : brief.board().directives()) {
            List<List<Object>> rows = new ArrayList<>();
            int units = 0;
            int done = 0;
            int late = 0;
            for (Board.BoardUnit unit : brief.board().units()) {
                for (Board.BoardCell cell : unit.cells()) {
                    if (!cell.directiveId().equals(directive.directiveId())) {
                        continue;
                    }
                    if (cell.cooperatesWith() == null) {
                        units++;
                        done += cell.status() == UnitDirectiveStatus.DONE ? 1 : 0;
                        late += cell.overdue() ? 1 : 0;
                    }
                    rows.add(List.of(words.unit(unit.unitId()), words.say("status." + cell.status().name()),
                            words.say("percent", cell.percent()),
                            cell.dueAt() == null ? "" : words.dateCell(cell.dueAt(), false), situation(cell)));
                }
            }
            String kind = words.kind(directive.kind());
            String heading = directive.dueAt() == null ? words.say("directive.noDue", directive.title(), kind)
                    : words.say("directive", directive.title(), kind, words.date(directive.dueAt()));
            parts.add(new BriefText.Section(words.subnumbered(heading, n++),
                    List.of(words.say("directive.line", units, done, late)),
                    List.of(new BriefTables.Table(directive.title(),
                            words.columns("col.unit", "col.status", "col.percent", "col.due", "col.situation"), rows))));
        }
        return new BriefText.Section(words.say("s.details"), List.of(), List.of(), parts);
    }

    /** The directives' tables as one, the directive's title first on each row. */
    BriefTables.Table everyDirective(BriefText.Section details) {
        List<List<Object>> rows = new ArrayList<>();
        List<String> headers = new ArrayList<>(words.columns("col.directive"));
        for (BriefText.Section part : details.parts()) {
            BriefTables.Table table = part.tables().get(0);
            if (headers.size() == 1) {
                headers.addAll(table.headers());
            }
            table.rows().forEach(row -> {
                List<Object> withDirective = new ArrayList<>(List.of(table.title()));
                withDirective.addAll(row);
                rows.add(withDirective);
            });
        }
        if (headers.size() == 1) {
            headers.addAll(words.columns("col.unit", "col.status", "col.percent", "col.due", "col.situation"));
        }
        return new BriefTables.Table(words.say("s.details"), headers, rows);
    }

    /** What stands out of a unit's work on a directive: whom it helps, days late or due soon, escalated, a report missing. */
    private String situation(Board.BoardCell cell) {
        List<String> said = new ArrayList<>();
        if (cell.cooperatesWith() != null) {
            said.add(words.say("situation.cooperates", String.join(words.say("listSeparator"),
                    cell.leadUnits().stream().map(words::unit).toList())));
        }
        if (cell.overdue() && cell.dueAt() != null) {
            said.add(words.say("situation.overdue", words.daysLate(cell.dueAt())));
        } else if (cell.dueSoon()) {
            said.add(words.say("situation.dueSoon"));
        }
        if (cell.escalated()) {
            said.add(words.say("situation.escalated"));
        }
        if (cell.reportOverdue()) {
            said.add(words.say("situation.reportOverdue"));
        }
        return String.join(words.say("listSeparator"), said);
    }
}
