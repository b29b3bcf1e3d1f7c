package org.expoflow.workflow.briefs;

import static org.expoflow.workflow.briefs.BriefWording.count;
import static org.expoflow.workflow.briefs.BriefWording.text;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.UnitDirectiveStatus;

/**
 * The brief's one-page summary, its sections in the order the office reads them: overall progress, what fell due and
 * was done since the last meeting, the overdue steps by unit (the worst first), the key figures against their targets,
 * the chase-ups and the units named, leadership's instructions with the units' feedback, the extension requests, and
 * last the month's ranking of units with its best and worst named ({@link BriefRanking}). A section shows at most
 * {@link #SUMMARY_ROWS} rows or sentences and points to the annex for the rest.
 */
final class BriefSummary {

    /** How many rows or sentences a section of the one-page summary shows before it points to the annex. */
    static final int SUMMARY_ROWS = 6;

    private final MeetingBrief brief;
    private final BriefWording words;
    private final BriefRanking ranking;

    BriefSummary(MeetingBrief brief, BriefWording words, BriefRanking ranking) {
        this.brief = brief;
        this.words = words;
        this.ranking = ranking;
    }

    /** The summary's sections, numbered; the ranking's only when the month has one. */
    List<BriefText.Section> sections() {
        List<BriefText.Section> summary = new ArrayList<>();
        summary.add(progress());
        summary.add(sinceLast());
        summary.add(overdue());
        summary.add(keyFigures());
        summary.add(chaseUps());
        summary.add(instructions());
        summary.add(extensions());
        BriefText.Section ranked = ranking();
        if (ranked != null) {
            summary.add(ranked);
        }
        List<BriefText.Section> numbered = new ArrayList<>();
        for (int i = 0; i < summary.size(); i++) {
            numbered.add(words.numbered(summary.get(i), i));
        }
        return numbered;
    }

    private BriefText.Section progress() {
        MeetingBrief.Progress progress = brief.progress();
        long directives = brief.board().directives().stream().filter(d -> d.withdrawnAt() == null).count();
        List<Board.BoardCell> cells = ownCells();
        long units = cells.stream().map(Board.BoardCell::unitId).distinct().count();
        Map<UnitDirectiveStatus, Long> byStatus = new LinkedHashMap<>();
        cells.forEach(cell -> byStatus.merge(cell.status(), 1L, Long::sum));
        return new BriefText.Section(words.say("s.progress"), List.of(
                words.say("progress", directives, units, progress.steps(), progress.done(),
                        words.rate(progress.done(), progress.steps()), progress.overdue()),
                words.say("progress.cells", count(byStatus, UnitDirectiveStatus.DONE),
                        count(byStatus, UnitDirectiveStatus.SUBMITTED),
                        count(byStatus, UnitDirectiveStatus.IN_PROGRESS), count(byStatus, UnitDirectiveStatus.RETURNED),
                        count(byStatus, UnitDirectiveStatus.NOT_STARTED))), List.of());
    }

    private BriefText.Section sinceLast() {
        MeetingBrief.Progress progress = brief.progress();
        String since = brief.previousAsOf() == null ? words.say("sinceStart")
                : words.say("sincePrevious", words.date(brief.previousAsOf()));
        return new BriefText.Section(words.say("s.sinceLast"), List.of(words.say("sinceLast", since, progress.dueSince(),
                progress.doneOfDueSince(), progress.doneSince(), brief.changes().newTasks().size(),
                brief.changes().newlyOverdue().size())), List.of());
    }

    /** Overdue steps counted per unit, the unit with most first, then the one waited on longest. */
    private BriefText.Section overdue() {
        List<DeadlineList.Item> items = brief.overdue().items();
        if (items.isEmpty()) {
            return new BriefText.Section(words.say("s.overdue"), List.of(words.say("overdue.none")), List.of());
        }
        Map<String, List<DeadlineList.Item>> byUnit = new LinkedHashMap<>();
        items.forEach(item -> byUnit.computeIfAbsent(item.unitId(), u -> new ArrayList<>()).add(item));
        List<Map.Entry<String, List<DeadlineList.Item>>> worstFirst = byUnit.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<DeadlineList.Item>>>comparingInt(e -> -e.getValue().size())
                        .thenComparing(e -> words.longestLate(e.getValue()), Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey, words.unitOrder()))
                .toList();
        List<List<Object>> rows = new ArrayList<>();
        worstFirst.stream().limit(SUMMARY_ROWS).forEach(entry -> rows.add(List.of(words.unit(entry.getKey()),
                entry.getValue().size(), words.longestLate(entry.getValue()),
                entry.getValue().stream().filter(DeadlineList.Item::chasedUp).count())));
        List<String> paragraphs = new ArrayList<>(List.of(words.say("overdue", items.size(), byUnit.size())));
        BriefTables.Table table = new BriefTables.Table(words.say("s.overdue"), words.columns("col.unit", "col.overdueSteps",
                "col.longestLate", "col.chasedUp"), rows);
        List<String> after = worstFirst.size() > SUMMARY_ROWS ? List.of(words.say("more", worstFirst.size() - SUMMARY_ROWS))
                : List.of();
        paragraphs.addAll(after);
        return new BriefText.Section(words.say("s.overdue"), paragraphs, List.of(table));
    }

    private BriefText.Section keyFigures() {
        Map<String, FiguresReport.FigureAgainstTarget> total = brief.figures().total();
        if (total.isEmpty()) {
            return new BriefText.Section(words.say("s.figures"), List.of(words.say("figures.none")), List.of());
        }
        List<List<Object>> rows = new ArrayList<>();
        words.figureKeys(total.keySet()).forEach(key -> rows.add(words.figureRow(null, key, total.get(key))));
        return new BriefText.Section(words.say("s.figures"), List.of(), List.of(new BriefTables.Table(words.say("s.figures"),
                words.columns("col.figure", "col.measure", "col.value", "col.target", "col.rate"), rows)));
    }

    private BriefText.Section chaseUps() {
        List<MeetingBrief.BriefChaseUp> chaseUps = brief.chaseUps();
        if (chaseUps.isEmpty()) {
            return new BriefText.Section(words.say("s.chaseUps"), List.of(words.say("chaseUps.none")), List.of());
        }
        Map<ChaseUpGrade, Long> byGrade = new LinkedHashMap<>();
        chaseUps.forEach(c -> byGrade.merge(c.grade(), 1L, Long::sum));
        long wantReply = chaseUps.stream().filter(c -> c.grade().requiresReply()).count();
        long replied = chaseUps.stream().filter(c -> c.acknowledgedAt() != null).count();
        List<String> paragraphs = new ArrayList<>(List.of(words.say("chaseUps", count(byGrade, ChaseUpGrade.URGE),
                count(byGrade, ChaseUpGrade.SUPERVISE), count(byGrade, ChaseUpGrade.NOTIFY), wantReply, replied)));
        List<String> named = chaseUps.stream().filter(c -> c.grade() == ChaseUpGrade.NOTIFY)
                .map(MeetingBrief.BriefChaseUp::unitId).distinct().sorted(words.unitOrder()).map(words::unit).toList();
        if (!named.isEmpty()) {
            paragraphs.add(words.say("notified", String.join(words.say("listSeparator"), named)));
        }
        return new BriefText.Section(words.say("s.chaseUps"), paragraphs, List.of());
    }

    private BriefText.Section instructions() {
        List<MeetingBrief.BriefInstruction> instructions = brief.instructions();
        if (instructions.isEmpty()) {
            return new BriefText.Section(words.say("s.instructions"), List.of(words.say("instructions.none")), List.of());
        }
        long answered = instructions.stream().filter(i -> i.feedbackAt() != null).count();
        List<String> paragraphs = new ArrayList<>(List.of(words.say("instructions", instructions.size(), answered,
                instructions.stream().filter(i -> i.taskId() != null).count() - answered)));
        instructions.stream().limit(SUMMARY_ROWS).forEach(i -> paragraphs.add(words.say("instruction", words.date(i.at()),
                words.person(i.author()), instructionTarget(i), i.text(), words.feedback(i))));
        if (instructions.size() > SUMMARY_ROWS) {
            paragraphs.add(words.say("more", instructions.size() - SUMMARY_ROWS));
        }
        return new BriefText.Section(words.say("s.instructions"), paragraphs, List.of());
    }

    private BriefText.Section extensions() {
        List<MeetingBrief.BriefExtension> extensions = brief.extensions();
        if (extensions.isEmpty()) {
            return new BriefText.Section(words.say("s.extensions"), List.of(words.say("extensions.none")), List.of());
        }
        long approved = extensions.stream().filter(e -> Boolean.TRUE.equals(e.approved())).count();
        long refused = extensions.stream().filter(e -> Boolean.FALSE.equals(e.approved())).count();
        List<String> paragraphs = new ArrayList<>(List.of(words.say("extensions", extensions.size(), approved, refused,
                extensions.size() - approved - refused)));
        extensions.stream().limit(SUMMARY_ROWS).forEach(e -> paragraphs.add(words.say("extension", words.unit(e.unitId()),
                words.step(e.directiveTitle(), e.kind(), e.stepKey(), e.stepName()), words.date(e.dueAt()),
                words.date(e.currentDueAt()), e.reason(), words.decision(e.approved()))));
        if (extensions.size() > SUMMARY_ROWS) {
            paragraphs.add(words.say("more", extensions.size() - SUMMARY_ROWS));
        }
        return new BriefText.Section(words.say("s.extensions"), paragraphs, List.of());
    }

    /**
     * The ranking of units (考核评分) in the meeting's month: the best and the worst with their scores, the full
     * order in the ranking's own page and 通报. None when no unit has steps to score yet.
     */
    private BriefText.Section ranking() {
        YearMonth month = YearMonth.from(brief.meeting().asOf().atZone(words.zone()));
        List<BriefRanking.Standing> standings = ranking.standings(brief.board().expoId(), month);
        if (standings.isEmpty()) {
            return null;
        }
        // at most three named each way, and no unit both best and worst
        int named = Math.max(1, Math.min(3, standings.size() / 2));
        List<BriefRanking.Standing> worst = new ArrayList<>(standings.subList(standings.size() - named, standings.size()));
        Collections.reverse(worst);
        String best = standingsInWords(standings.subList(0, named));
        List<String> paragraphs = List.of(standings.size() > 1
                ? words.say("ranking", String.valueOf(month.getYear()), month.getMonthValue(), standings.size(), best,
                        standingsInWords(worst))
                : words.say("ranking.one", String.valueOf(month.getYear()), month.getMonthValue(), best));
        return new BriefText.Section(words.say("s.ranking"), paragraphs, List.of());
    }

    private String standingsInWords(List<BriefRanking.Standing> standings) {
        return String.join(words.say("listSeparator"), standings.stream()
                .map(standing -> words.say("ranking.unit", words.unit(standing.unitId()),
                        standing.score().stripTrailingZeros().toPlainString()))
                .toList());
    }

    private List<Board.BoardCell> ownCells() {
        return brief.board().units().stream().flatMap(unit -> unit.cells().stream())
                .filter(cell -> cell.cooperatesWith() == null && cell.status() != UnitDirectiveStatus.WITHDRAWN).toList();
    }

    private String instructionTarget(MeetingBrief.BriefInstruction instruction) {
        if (instruction.unitId() == null) {
            return text(instruction.directiveTitle()) + words.say("instruction.directive");
        }
        return words.unit(instruction.unitId()) + " " + words.step(instruction.directiveTitle(), instruction.kind(),
                instruction.stepKey(), instruction.stepName());
    }
}
