package org.expoflow.workflow.briefs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;

import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.projections.api.UnitDirectiveStatus;
import org.expoflow.workflow.kinds.FigureWords;
import org.expoflow.workflow.kinds.KindTexts;
import org.expoflow.workflow.units.UnitRegister;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a meeting's brief as the office writes one ({@link BriefText}), in its reader's language: units by their
 * names, steps and kinds by their texts in that language, figures by their names with their units, dates as the
 * reader writes them (2026年12月7日), no key of the code anywhere. Bilingual, it is written in Chinese and in English
 * and the two are laid side by side, Chinese first.
 * <p>
 * The summary's sections come in the order the office reads them, the month's ranking of units last, its best and
 * worst named ({@link BriefRanking}).
 */
@Component
public class BriefWriter {

    /** How many rows or sentences a section of the one-page summary shows before it points to the annex. */
    static final int SUMMARY_ROWS = 6;
    /** How many directives the printed brief details, the newest first; the spreadsheet details them all. */
    static final int PRINTED_DIRECTIVES = 100;
    private static final String[] CHINESE_NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};

    private final ResourceBundleMessageSource words = new ResourceBundleMessageSource();
    private final KindTexts kinds;
    private final FigureWords figures;
    private final UnitRegister register;
    private final BriefRanking ranking;

    public BriefWriter(KindTexts kinds, FigureWords figures, UnitRegister register, BriefRanking ranking) {
        this.kinds = kinds;
        this.figures = figures;
        this.register = register;
        this.ranking = ranking;
        words.setBasename("briefs/words");
        words.setDefaultEncoding("UTF-8");
        words.setFallbackToSystemLocale(false);
    }

    /**
     * The brief of {@code brief}, the {@code issue}th meeting of its expo, its times in {@code zone}, people by
     * {@code people}'s names for them.
     */
    public BriefText write(MeetingBrief brief, int issue, BriefLanguage language, ZoneId zone, Map<String, String> people) {
        List<BriefText> texts = language.locales().stream()
                .map(locale -> new Writing(brief, locale, zone, people).text(issue)).toList();
        return texts.stream().reduce(BriefWriter::sideBySide).orElseThrow();
    }

    /** Two writings of one brief laid side by side: each sentence of the second after the first's, each word beside it. */
    static BriefText sideBySide(BriefText first, BriefText second) {
        BinaryOperator<String> words = BriefWriter::besides;
        BinaryOperator<String> sentences = (a, b) -> a.equals(b) ? a : a + "\n" + b;
        List<BriefText.Section> summary = new ArrayList<>();
        for (int i = 0; i < first.summary().size(); i++) {
            summary.add(sideBySide(first.summary().get(i), second.summary().get(i)));
        }
        return new BriefText(words.apply(first.masthead(), second.masthead()), words.apply(first.issue(), second.issue()),
                first.issuer(), first.date(), sentences.apply(first.title(), second.title()),
                sentences.apply(first.lead(), second.lead()), words.apply(first.summaryTitle(), second.summaryTitle()), summary,
                sideBySide(first.details(), second.details()), sideBySide(first.everyDirective(), second.everyDirective()),
                sideBySide(first.annex(), second.annex()), sentences.apply(first.moreRows(), second.moreRows()),
                words.apply(first.none(), second.none()));
    }

    /**
     * A word beside its translation, once when both say the same: a unit's English name already follows its Chinese
     * one ("鞍山市 Anshan"), a number is a number.
     */
    private static String besides(String chinese, String english) {
        if (english.contains(chinese)) {
            return english;
        }
        return chinese.contains(english) ? chinese : chinese + " " + english;
    }

    private static BriefText.Section sideBySide(BriefText.Section first, BriefText.Section second) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < first.paragraphs().size(); i++) {
            paragraphs.add(first.paragraphs().get(i) + "\n" + second.paragraphs().get(i));
        }
        List<BriefTables.Table> tables = new ArrayList<>();
        for (int i = 0; i < first.tables().size(); i++) {
            tables.add(sideBySide(first.tables().get(i), second.tables().get(i)));
        }
        List<BriefText.Section> parts = new ArrayList<>();
        for (int i = 0; i < first.parts().size(); i++) {
            parts.add(sideBySide(first.parts().get(i), second.parts().get(i)));
        }
        String heading = first.heading().equals(second.heading()) ? first.heading() : first.heading() + " " + second.heading();
        return new BriefText.Section(heading, paragraphs, tables, parts);
    }

    private static BriefTables.Table sideBySide(BriefTables.Table first, BriefTables.Table second) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < first.headers().size(); i++) {
            headers.add(first.headers().get(i) + " " + second.headers().get(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < first.rows().size(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < first.rows().get(r).size(); c++) {
                Object a = first.rows().get(r).get(c);
                Object b = second.rows().get(r).get(c);
                row.add(a instanceof String one && b instanceof String other ? besides(one, other) : a);
            }
            rows.add(row);
        }
        String title = first.title().equals(second.title()) ? first.title() : first.title() + " " + second.title();
        return new BriefTables.Table(title, headers, rows);
    }

    /** One brief in one language. */
    private final class Writing {

        private final MeetingBrief brief;
        private final Locale locale;
        private final ZoneId zone;
        private final Map<String, String> people;
        private final Map<String, String> unitNames;
        private final Map<String, FigureWords.NamedFigure> figureNames;
        private final Comparator<String> unitOrder;
        private final boolean chinese;

        Writing(MeetingBrief brief, Locale locale, ZoneId zone, Map<String, String> people) {
            this.brief = brief;
            this.locale = locale;
            this.zone = zone;
            this.people = people;
            this.unitNames = new LinkedHashMap<>(register.namesFor(locale));
            brief.board().units().forEach(unit -> unitNames.putIfAbsent(unit.unitId(), unit.name()));
            this.figureNames = figures.all(locale);
            this.unitOrder = register.order();
            this.chinese = locale.getLanguage().equals("zh");
        }

        BriefText text(int issue) {
            Instant asOf = brief.meeting().asOf();
            String expo = brief.board().expoName();
            List<BriefText.Section> summary = new ArrayList<>();
            summary.add(progress());
            summary.add(sinceLast());
            summary.add(overdue());
            summary.add(keyFigures());
            summary.add(chaseUps());
            summary.add(instructions());
            summary.add(extensions());
            BriefText.Section ranking = ranking();
            if (ranking != null) {
                summary.add(ranking);
            }
            List<BriefText.Section> numbered = new ArrayList<>();
            for (int i = 0; i < summary.size(); i++) {
                numbered.add(numbered(summary.get(i), i));
            }
            BriefText.Section details = details();
            BriefText.Section printed = details;
            if (details.parts().size() > PRINTED_DIRECTIVES) {
                // a province's expo issues hundreds of directives: the spreadsheet holds every one
                printed = new BriefText.Section(details.heading(), List.of(say("moreDirectives",
                        details.parts().size() - PRINTED_DIRECTIVES)), List.of(), details.parts().subList(0, PRINTED_DIRECTIVES));
            }
            return new BriefText(say("masthead"), say("issue", issue), say("issuer", expo), date(asOf),
                    brief.meeting().title(), say("lead", dateTime(asOf), zoneName(), expo), say("summary"), numbered, printed,
                    everyDirective(details), annex(), say("moreRows", "{0}"), say("none"));
        }

        // ---- the summary

        private BriefText.Section progress() {
            MeetingBrief.Progress progress = brief.progress();
            long directives = brief.board().directives().stream().filter(d -> d.withdrawnAt() == null).count();
            List<Board.BoardCell> cells = ownCells();
            long units = cells.stream().map(Board.BoardCell::unitId).distinct().count();
            Map<UnitDirectiveStatus, Long> byStatus = new LinkedHashMap<>();
            cells.forEach(cell -> byStatus.merge(cell.status(), 1L, Long::sum));
            return new BriefText.Section(say("s.progress"), List.of(
                    say("progress", directives, units, progress.steps(), progress.done(), rate(progress.done(), progress.steps()),
                            progress.overdue()),
                    say("progress.cells", count(byStatus, UnitDirectiveStatus.DONE), count(byStatus, UnitDirectiveStatus.SUBMITTED),
                            count(byStatus, UnitDirectiveStatus.IN_PROGRESS), count(byStatus, UnitDirectiveStatus.RETURNED),
                            count(byStatus, UnitDirectiveStatus.NOT_STARTED))), List.of());
        }

        private BriefText.Section sinceLast() {
            MeetingBrief.Progress progress = brief.progress();
            String since = brief.previousAsOf() == null ? say("sinceStart") : say("sincePrevious", date(brief.previousAsOf()));
            return new BriefText.Section(say("s.sinceLast"), List.of(say("sinceLast", since, progress.dueSince(),
                    progress.doneOfDueSince(), progress.doneSince(), brief.changes().newTasks().size(),
                    brief.changes().newlyOverdue().size())), List.of());
        }

        /** Overdue steps counted per unit, the unit with most first, then the one waited on longest. */
        private BriefText.Section overdue() {
            List<DeadlineList.Item> items = brief.overdue().items();
            if (items.isEmpty()) {
                return new BriefText.Section(say("s.overdue"), List.of(say("overdue.none")), List.of());
            }
            Map<String, List<DeadlineList.Item>> byUnit = new LinkedHashMap<>();
            items.forEach(item -> byUnit.computeIfAbsent(item.unitId(), u -> new ArrayList<>()).add(item));
            List<Map.Entry<String, List<DeadlineList.Item>>> worstFirst = byUnit.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, List<DeadlineList.Item>>>comparingInt(e -> -e.getValue().size())
                            .thenComparing(e -> longestLate(e.getValue()), Comparator.reverseOrder())
                            .thenComparing(Map.Entry::getKey, unitOrder))
                    .toList();
            List<List<Object>> rows = new ArrayList<>();
            worstFirst.stream().limit(SUMMARY_ROWS).forEach(entry -> rows.add(List.of(unit(entry.getKey()),
                    entry.getValue().size(), longestLate(entry.getValue()),
                    entry.getValue().stream().filter(DeadlineList.Item::chasedUp).count())));
            List<String> paragraphs = new ArrayList<>(List.of(say("overdue", items.size(), byUnit.size())));
            BriefTables.Table table = new BriefTables.Table(say("s.overdue"), List.of(say("col.unit"), say("col.overdueSteps"),
                    say("col.longestLate"), say("col.chasedUp")), rows);
            List<String> after = worstFirst.size() > SUMMARY_ROWS ? List.of(say("more", worstFirst.size() - SUMMARY_ROWS))
                    : List.of();
            paragraphs.addAll(after);
            return new BriefText.Section(say("s.overdue"), paragraphs, List.of(table));
        }

        private BriefText.Section keyFigures() {
            Map<String, FiguresReport.FigureAgainstTarget> total = brief.figures().total();
            if (total.isEmpty()) {
                return new BriefText.Section(say("s.figures"), List.of(say("figures.none")), List.of());
            }
            List<List<Object>> rows = new ArrayList<>();
            figureKeys(total.keySet()).forEach(key -> rows.add(figureRow(null, key, total.get(key))));
            return new BriefText.Section(say("s.figures"), List.of(), List.of(new BriefTables.Table(say("s.figures"),
                    List.of(say("col.figure"), say("col.measure"), say("col.value"), say("col.target"), say("col.rate")), rows)));
        }

        private BriefText.Section chaseUps() {
            List<MeetingBrief.BriefChaseUp> chaseUps = brief.chaseUps();
            if (chaseUps.isEmpty()) {
                return new BriefText.Section(say("s.chaseUps"), List.of(say("chaseUps.none")), List.of());
            }
            Map<ChaseUpGrade, Long> byGrade = new LinkedHashMap<>();
            chaseUps.forEach(c -> byGrade.merge(c.grade(), 1L, Long::sum));
            long wantReply = chaseUps.stream().filter(c -> c.grade().requiresReply()).count();
            long replied = chaseUps.stream().filter(c -> c.acknowledgedAt() != null).count();
            List<String> paragraphs = new ArrayList<>(List.of(say("chaseUps", count(byGrade, ChaseUpGrade.URGE),
                    count(byGrade, ChaseUpGrade.SUPERVISE), count(byGrade, ChaseUpGrade.NOTIFY), wantReply, replied)));
            List<String> named = chaseUps.stream().filter(c -> c.grade() == ChaseUpGrade.NOTIFY).map(MeetingBrief.BriefChaseUp::unitId)
                    .distinct().sorted(unitOrder).map(this::unit).toList();
            if (!named.isEmpty()) {
                paragraphs.add(say("notified", String.join(say("listSeparator"), named)));
            }
            return new BriefText.Section(say("s.chaseUps"), paragraphs, List.of());
        }

        private BriefText.Section instructions() {
            List<MeetingBrief.BriefInstruction> instructions = brief.instructions();
            if (instructions.isEmpty()) {
                return new BriefText.Section(say("s.instructions"), List.of(say("instructions.none")), List.of());
            }
            long answered = instructions.stream().filter(i -> i.feedbackAt() != null).count();
            List<String> paragraphs = new ArrayList<>(List.of(say("instructions", instructions.size(), answered,
                    instructions.stream().filter(i -> i.taskId() != null).count() - answered)));
            instructions.stream().limit(SUMMARY_ROWS).forEach(i -> paragraphs.add(say("instruction", date(i.at()), person(i.author()),
                    instructionTarget(i), i.text(), feedback(i))));
            if (instructions.size() > SUMMARY_ROWS) {
                paragraphs.add(say("more", instructions.size() - SUMMARY_ROWS));
            }
            return new BriefText.Section(say("s.instructions"), paragraphs, List.of());
        }

        private BriefText.Section extensions() {
            List<MeetingBrief.BriefExtension> extensions = brief.extensions();
            if (extensions.isEmpty()) {
                return new BriefText.Section(say("s.extensions"), List.of(say("extensions.none")), List.of());
            }
            long approved = extensions.stream().filter(e -> Boolean.TRUE.equals(e.approved())).count();
            long refused = extensions.stream().filter(e -> Boolean.FALSE.equals(e.approved())).count();
            List<String> paragraphs = new ArrayList<>(List.of(say("extensions", extensions.size(), approved, refused,
                    extensions.size() - approved - refused)));
            extensions.stream().limit(SUMMARY_ROWS).forEach(e -> paragraphs.add(say("extension", unit(e.unitId()),
                    step(e.directiveTitle(), e.kind(), e.stepKey(), e.stepName()), date(e.dueAt()), date(e.currentDueAt()),
                    e.reason(), decision(e.approved()))));
            if (extensions.size() > SUMMARY_ROWS) {
                paragraphs.add(say("more", extensions.size() - SUMMARY_ROWS));
            }
            return new BriefText.Section(say("s.extensions"), paragraphs, List.of());
        }

        // ---- each directive, its units in the register's order

        private BriefText.Section details() {
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
                        rows.add(List.of(unit(unit.unitId()), say("status." + cell.status().name()),
                                say("percent", cell.percent()), cell.dueAt() == null ? "" : dateCell(cell.dueAt(), false),
                                situation(cell)));
                    }
                }
                String kind = kinds.kind(directive.kind(), directive.kind(), locale);
                String heading = directive.dueAt() == null ? say("directive.noDue", directive.title(), kind)
                        : say("directive", directive.title(), kind, date(directive.dueAt()));
                parts.add(new BriefText.Section(subnumbered(heading, n++), List.of(say("directive.line", units, done, late)),
                        List.of(new BriefTables.Table(directive.title(), List.of(say("col.unit"), say("col.status"),
                                say("col.percent"), say("col.due"), say("col.situation")), rows))));
            }
            return new BriefText.Section(say("s.details"), List.of(), List.of(), parts);
        }

        /** The directives' tables as one, the directive's title first on each row. */
        private BriefTables.Table everyDirective(BriefText.Section details) {
            List<List<Object>> rows = new ArrayList<>();
            List<String> headers = new ArrayList<>(List.of(say("col.directive")));
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
                headers.addAll(List.of(say("col.unit"), say("col.status"), say("col.percent"), say("col.due"), say("col.situation")));
            }
            return new BriefTables.Table(say("s.details"), headers, rows);
        }

        // ---- the annex: every row the summary counted

        private BriefText.Section annex() {
            List<BriefTables.Table> tables = new ArrayList<>();
            tables.add(overdueTable());
            tables.add(chaseUpTable());
            tables.add(instructionTable());
            tables.add(extensionTable());
            tables.add(figureTable());
            tables.add(changeTable());
            tables.add(reportTable());
            tables.add(decisionTable());
            return new BriefText.Section(say("s.annex"), List.of(), tables);
        }

        private BriefTables.Table overdueTable() {
            List<List<Object>> rows = new ArrayList<>();
            brief.overdue().items().stream().sorted(Comparator.comparing(DeadlineList.Item::unitId, unitOrder)
                            .thenComparing(DeadlineList.Item::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                    .forEach(item -> rows.add(List.of(unit(item.unitId()), text(item.directiveTitle()),
                            kinds.step(item.kind(), item.stepKey(), text(item.stepName()), locale),
                            item.dueAt() == null ? "" : dateCell(item.dueAt(), false),
                            item.dueAt() == null ? "" : daysLate(item.dueAt()),
                            item.chaseUpGrade() == null ? "" : say("grade." + item.chaseUpGrade().name()))));
            return new BriefTables.Table(say("a.overdue"), List.of(say("col.unit"), say("col.directive"), say("col.step"),
                    say("col.due"), say("col.daysLate"), say("col.grade")), rows);
        }

        private BriefTables.Table chaseUpTable() {
            List<List<Object>> rows = new ArrayList<>();
            brief.chaseUps().forEach(c -> rows.add(List.of(dateCell(c.at(), true), unit(c.unitId()), text(c.directiveTitle()),
                    kinds.step(c.kind(), c.stepKey(), text(c.stepName()), locale), say("grade." + c.grade().name()),
                    person(c.chasedBy()), text(c.message()), c.acknowledgedAt() == null ? "" : dateCell(c.acknowledgedAt(), true),
                    text(c.reply()))));
            return new BriefTables.Table(say("a.chaseUps"), List.of(say("col.when"), say("col.unit"), say("col.directive"),
                    say("col.step"), say("col.grade"), say("col.by"), say("col.message"), say("col.repliedAt"), say("col.reply")),
                    rows);
        }

        private BriefTables.Table instructionTable() {
            List<List<Object>> rows = new ArrayList<>();
            brief.instructions().forEach(i -> rows.add(List.of(dateCell(i.at(), true), person(i.author()),
                    i.unitId() == null ? say("allUnits") : unit(i.unitId()), text(i.directiveTitle()),
                    i.stepKey() == null && i.stepName() == null ? "" : kinds.step(i.kind(), i.stepKey(), text(i.stepName()), locale),
                    i.text(), i.taskId() == null ? "" : feedback(i))));
            return new BriefTables.Table(say("a.instructions"), List.of(say("col.when"), say("col.leader"), say("col.unit"),
                    say("col.directive"), say("col.step"), say("col.instruction"), say("col.feedback")), rows);
        }

        private BriefTables.Table extensionTable() {
            List<List<Object>> rows = new ArrayList<>();
            brief.extensions().forEach(e -> rows.add(List.of(dateCell(e.at(), true), unit(e.unitId()), text(e.directiveTitle()),
                    kinds.step(e.kind(), e.stepKey(), text(e.stepName()), locale),
                    e.currentDueAt() == null ? "" : dateCell(e.currentDueAt(), false), dateCell(e.dueAt(), false), text(e.reason()),
                    decision(e.approved()), text(e.comment()))));
            return new BriefTables.Table(say("a.extensions"), List.of(say("col.when"), say("col.unit"), say("col.directive"),
                    say("col.step"), say("col.currentDue"), say("col.askedDue"), say("col.reason"), say("col.decision"),
                    say("col.comment")), rows);
        }

        private BriefTables.Table figureTable() {
            List<List<Object>> rows = new ArrayList<>();
            for (FiguresReport.UnitFigures unit : brief.figures().units()) {
                figureKeys(unit.figures().keySet()).forEach(key -> rows.add(figureRow(unit(unit.unitId()), key,
                        unit.figures().get(key))));
            }
            figureKeys(brief.figures().total().keySet()).forEach(key -> rows.add(figureRow(say("total"), key,
                    brief.figures().total().get(key))));
            return new BriefTables.Table(say("a.figures"), List.of(say("col.unit"), say("col.figure"), say("col.measure"),
                    say("col.value"), say("col.target"), say("col.rate")), rows);
        }

        private BriefTables.Table changeTable() {
            List<List<Object>> rows = new ArrayList<>();
            MeetingBrief.Changes changes = brief.changes();
            changes.newTasks().forEach(task -> rows.add(change("change.new", task)));
            changes.finishedTasks().forEach(task -> rows.add(change("change.finished", task)));
            changes.newlyOverdue().forEach(task -> rows.add(change("change.overdue", task)));
            return new BriefTables.Table(say("a.changes"), List.of(say("col.change"), say("col.unit"), say("col.directive"),
                    say("col.step"), say("col.due")), rows);
        }

        private List<Object> change(String what, MeetingBrief.BriefTask task) {
            return List.of(say(what), unit(task.unitId()), text(task.directiveTitle()),
                    kinds.step(task.kind(), task.stepKey(), text(task.stepName()), locale),
                    task.dueAt() == null ? "" : dateCell(task.dueAt(), false));
        }

        private BriefTables.Table reportTable() {
            List<List<Object>> rows = new ArrayList<>();
            brief.meeting().reports().stream().sorted(Comparator.comparing(r -> r.unitId(), unitOrder))
                    .forEach(report -> rows.add(List.of(unit(report.unitId()), text(report.progress()), text(report.problems()),
                            text(report.suggestions()))));
            return new BriefTables.Table(say("a.reports"), List.of(say("col.unit"), say("col.progress"), say("col.problems"),
                    say("col.suggestions")), rows);
        }

        private BriefTables.Table decisionTable() {
            List<List<Object>> rows = new ArrayList<>();
            brief.meeting().decisions().forEach(decision -> rows.add(List.of(decision.text(), decision.directiveIds().size())));
            return new BriefTables.Table(say("a.decisions"), List.of(say("col.decisionText"), say("col.directivesIssued")), rows);
        }

        /**
         * The ranking of units (考核评分) in the meeting's month: the best and the worst with their scores, the full
         * order in the ranking's own page and 通报. None when no unit has steps to score yet.
         */
        private BriefText.Section ranking() {
            YearMonth month = YearMonth.from(brief.meeting().asOf().atZone(zone));
            List<BriefRanking.Standing> standings = BriefWriter.this.ranking.standings(brief.board().expoId(), month);
            if (standings.isEmpty()) {
                return null;
            }
            // at most three named each way, and no unit both best and worst
            int named = Math.max(1, Math.min(3, standings.size() / 2));
            List<BriefRanking.Standing> worst = new ArrayList<>(standings.subList(standings.size() - named, standings.size()));
            java.util.Collections.reverse(worst);
            String best = standingsInWords(standings.subList(0, named));
            List<String> paragraphs = List.of(standings.size() > 1
                    ? say("ranking", String.valueOf(month.getYear()), month.getMonthValue(), standings.size(), best, standingsInWords(worst))
                    : say("ranking.one", String.valueOf(month.getYear()), month.getMonthValue(), best));
            return new BriefText.Section(say("s.ranking"), paragraphs, List.of());
        }

        private String standingsInWords(List<BriefRanking.Standing> standings) {
            return String.join(say("listSeparator"), standings.stream()
                    .map(standing -> say("ranking.unit", unit(standing.unitId()), standing.score().stripTrailingZeros().toPlainString()))
                    .toList());
        }

        // ---- words

        private List<Board.BoardCell> ownCells() {
            return brief.board().units().stream().flatMap(unit -> unit.cells().stream())
                    .filter(cell -> cell.cooperatesWith() == null && cell.status() != UnitDirectiveStatus.WITHDRAWN).toList();
        }

        private String situation(Board.BoardCell cell) {
            List<String> said = new ArrayList<>();
            if (cell.cooperatesWith() != null) {
                said.add(say("situation.cooperates", String.join(say("listSeparator"),
                        cell.leadUnits().stream().map(this::unit).toList())));
            }
            if (cell.overdue() && cell.dueAt() != null) {
                said.add(say("situation.overdue", daysLate(cell.dueAt())));
            } else if (cell.dueSoon()) {
                said.add(say("situation.dueSoon"));
            }
            if (cell.escalated()) {
                said.add(say("situation.escalated"));
            }
            if (cell.reportOverdue()) {
                said.add(say("situation.reportOverdue"));
            }
            return String.join(say("listSeparator"), said);
        }

        private String instructionTarget(MeetingBrief.BriefInstruction instruction) {
            if (instruction.unitId() == null) {
                return text(instruction.directiveTitle()) + say("instruction.directive");
            }
            return unit(instruction.unitId()) + " " + step(instruction.directiveTitle(), instruction.kind(), instruction.stepKey(),
                    instruction.stepName());
        }

        private String feedback(MeetingBrief.BriefInstruction instruction) {
            if (instruction.taskId() == null) {
                return "";
            }
            if (instruction.feedbackAt() == null) {
                return say("instruction.noFeedback");
            }
            String unit = unit(instruction.unitId());
            if (instruction.feedback() == null || instruction.feedback().isBlank()) {
                return instruction.feedbackDone() ? say("instruction.done", unit, date(instruction.feedbackAt()))
                        : say("instruction.noFeedback");
            }
            return say("instruction.feedback", unit, date(instruction.feedbackAt()), instruction.feedback());
        }

        private String decision(Boolean approved) {
            return say(approved == null ? "decision.waiting" : approved ? "decision.approved" : "decision.refused");
        }

        /** "directive · step", the step by its name in the reader's language. */
        private String step(String directiveTitle, String kind, String stepKey, String stepName) {
            String step = kinds.step(kind, stepKey, text(stepName), locale);
            return directiveTitle == null || directiveTitle.isBlank() ? step : directiveTitle + " · " + step;
        }

        private List<Object> figureRow(String unit, String key, FiguresReport.FigureAgainstTarget value) {
            FigureWords.NamedFigure named = figureNames.get(key);
            List<Object> row = new ArrayList<>();
            if (unit != null) {
                row.add(unit);
            }
            row.add(named == null ? key : withoutUnit(named.name(), named.unit()));
            row.add(named == null ? "" : text(named.unit()));
            row.add(value.value().stripTrailingZeros());
            row.add(value.target() == null ? "" : value.target().stripTrailingZeros());
            row.add(value.target() == null || value.target().signum() == 0 ? ""
                    : say("percent", value.value().multiply(BigDecimal.valueOf(100))
                    .divide(value.target(), 1, RoundingMode.HALF_UP).toPlainString()));
            return row;
        }

        /** A figure's name without the unit it carries in brackets ("已邀请采购商（家）"): its unit has a column of its own. */
        private static String withoutUnit(String name, String unit) {
            if (unit == null || unit.isBlank()) {
                return name;
            }
            for (String brackets : List.of("（" + unit + "）", "(" + unit + ")", " (" + unit + ")")) {
                if (name.endsWith(brackets) && name.length() > brackets.length()) {
                    return name.substring(0, name.length() - brackets.length()).strip();
                }
            }
            return name;
        }

        /** The figures in the kinds' order, then any no deployed kind names. */
        private List<String> figureKeys(Set<String> keys) {
            Set<String> ordered = new LinkedHashSet<>();
            figureNames.keySet().stream().filter(keys::contains).forEach(ordered::add);
            keys.stream().sorted().forEach(ordered::add);
            return List.copyOf(ordered);
        }

        private BriefText.Section numbered(BriefText.Section section, int index) {
            String number = chinese ? CHINESE_NUMERALS[Math.min(index, CHINESE_NUMERALS.length - 1)] : String.valueOf(index + 1);
            return new BriefText.Section(say("numbered", number, section.heading()), section.paragraphs(), section.tables(),
                    section.parts());
        }

        private String subnumbered(String heading, int index) {
            String number = chinese && index < CHINESE_NUMERALS.length ? CHINESE_NUMERALS[index] : String.valueOf(index + 1);
            return say("subnumbered", number, heading);
        }

        private String unit(String unitId) {
            return unitId == null ? "" : unitNames.getOrDefault(unitId, unitId);
        }

        private String person(String username) {
            return username == null ? "" : people.getOrDefault(username, username);
        }

        private String zoneName() {
            return words.getMessage("zone." + zone.getId(), null, zone.getId(), locale);
        }

        private String rate(long part, long whole) {
            return whole == 0 ? say("none") : say("percent", BigDecimal.valueOf(part * 100L)
                    .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString());
        }

        private String date(Instant instant) {
            if (instant == null) {
                return "";
            }
            return (chinese ? DateTimeFormatter.ofPattern("yyyy年M月d日") : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))
                    .withZone(zone).format(instant);
        }

        private String dateTime(Instant instant) {
            return (chinese ? DateTimeFormatter.ofPattern("yyyy年M月d日H时mm分")
                    : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH)).withZone(zone).format(instant);
        }

        private DateCell dateCell(Instant instant, boolean withTime) {
            String text = withTime ? (chinese ? DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                    : DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)).withZone(zone).format(instant) : date(instant);
            // Excel's own way of writing a Chinese date: the characters quoted
            String excel = chinese ? (withTime ? "yyyy\"年\"m\"月\"d\"日\" hh:mm" : "yyyy\"年\"m\"月\"d\"日\"")
                    : (withTime ? "d mmm yyyy hh:mm" : "d mmmm yyyy");
            return new DateCell(instant.atZone(zone).toLocalDateTime(), text, excel);
        }

        private String say(String key, Object... arguments) {
            String pattern = words.getMessage(key, null, locale);
            Object[] shown = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                // numbers as the reader counts them, without the grouping MessageFormat would add to a year or a count
                shown[i] = arguments[i] instanceof Number number ? String.valueOf(number) : Objects.toString(arguments[i], "");
            }
            return new MessageFormat(pattern.replace("'", "''"), locale).format(shown);
        }

        private static long count(Map<?, Long> counts, Object key) {
            return counts.getOrDefault(key, 0L);
        }

        private long longestLate(List<DeadlineList.Item> items) {
            return items.stream().map(DeadlineList.Item::dueAt).filter(Objects::nonNull).mapToLong(this::daysLate).max().orElse(0L);
        }

        /** The days begun since a deadline passed, as of the meeting: a step late by an hour is a day late. */
        private long daysLate(Instant dueAt) {
            return Math.max(1, (long) Math.ceil(Duration.between(dueAt, brief.meeting().asOf()).toMinutes() / (24 * 60.0)));
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }
    }
}
