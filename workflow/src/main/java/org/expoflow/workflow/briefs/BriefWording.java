package org.expoflow.workflow.briefs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.expoflow.projections.api.DeadlineList;
import org.expoflow.projections.api.FiguresReport;
import org.expoflow.projections.api.MeetingBrief;
import org.expoflow.workflow.kinds.FigureWords;
import org.expoflow.workflow.kinds.KindTexts;
import org.springframework.context.MessageSource;

/**
 * How one brief speaks in one language, for each of its parts alike: the office's phrases ({@code briefs/words}),
 * units by their names, people by theirs, steps and kinds by their texts in the reader's language, figures by their
 * names with their units in a column of their own, dates as the reader writes them (2026年12月7日), days late counted
 * at the meeting. Made for one writing of one brief and dropped with it.
 */
final class BriefWording {

    private static final String[] CHINESE_NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};

    private final MessageSource words;
    private final KindTexts kinds;
    private final Locale locale;
    private final ZoneId zone;
    private final Instant asOf;
    private final Map<String, String> people;
    private final Map<String, String> unitNames;
    private final Map<String, FigureWords.NamedFigure> figureNames;
    private final Comparator<String> unitOrder;
    private final boolean chinese;

    /**
     * The words of a brief taken at {@code asOf} for a reader of {@code locale} in {@code zone}: {@code unitNames} and
     * {@code figureNames} in that language, {@code people} by their names, units in {@code unitOrder}.
     */
    BriefWording(MessageSource words, KindTexts kinds, Locale locale, ZoneId zone, Instant asOf, Map<String, String> people,
                 Map<String, String> unitNames, Map<String, FigureWords.NamedFigure> figureNames, Comparator<String> unitOrder) {
        this.words = words;
        this.kinds = kinds;
        this.locale = locale;
        this.zone = zone;
        this.asOf = asOf;
        this.people = people;
        this.unitNames = unitNames;
        this.figureNames = figureNames;
        this.unitOrder = unitOrder;
        this.chinese = locale.getLanguage().equals("zh");
    }

    ZoneId zone() {
        return zone;
    }

    /** The units in the register's order. */
    Comparator<String> unitOrder() {
        return unitOrder;
    }

    String say(String key, Object... arguments) {
        String pattern = words.getMessage(key, null, locale);
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            // numbers as the reader counts them, without the grouping MessageFormat would add to a year or a count
            shown[i] = arguments[i] instanceof Number number ? String.valueOf(number) : Objects.toString(arguments[i], "");
        }
        return new MessageFormat(pattern.replace("'", "''"), locale).format(shown);
    }

    /** A table's headings, by their keys, in the reader's language. */
    List<String> columns(String... keys) {
        return Arrays.stream(keys).map(key -> say(key)).toList();
    }

    String unit(String unitId) {
        return unitId == null ? "" : unitNames.getOrDefault(unitId, unitId);
    }

    String person(String username) {
        return username == null ? "" : people.getOrDefault(username, username);
    }

    String zoneName() {
        return words.getMessage("zone." + zone.getId(), null, zone.getId(), locale);
    }

    /** A directive kind by its name in the reader's language. */
    String kind(String kind) {
        return kinds.kind(kind, kind, locale);
    }

    /** A step by its name in the reader's language. */
    String stepName(String kind, String stepKey, String stepName) {
        return kinds.step(kind, stepKey, text(stepName), locale);
    }

    /** "directive · step", the step by its name in the reader's language. */
    String step(String directiveTitle, String kind, String stepKey, String stepName) {
        String step = stepName(kind, stepKey, stepName);
        return directiveTitle == null || directiveTitle.isBlank() ? step : directiveTitle + " · " + step;
    }

    String decision(Boolean approved) {
        return say(approved == null ? "decision.waiting" : approved ? "decision.approved" : "decision.refused");
    }

    /** The unit's first word after an instruction on its step: its note, the step done, or that it has said nothing. */
    String feedback(MeetingBrief.BriefInstruction instruction) {
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

    /** A figure's row: the unit when given, its name, its unit, its value, its target and how far the value reached it. */
    List<Object> figureRow(String unit, String key, FiguresReport.FigureAgainstTarget value) {
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
    List<String> figureKeys(Set<String> keys) {
        Set<String> ordered = new LinkedHashSet<>();
        figureNames.keySet().stream().filter(keys::contains).forEach(ordered::add);
        keys.stream().sorted().forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** A summary section's heading with its number: 一、 for a Chinese reader, 1. for an English one. */
    BriefText.Section numbered(BriefText.Section section, int index) {
        String number = chinese ? CHINESE_NUMERALS[Math.min(index, CHINESE_NUMERALS.length - 1)] : String.valueOf(index + 1);
        return new BriefText.Section(say("numbered", number, section.heading()), section.paragraphs(), section.tables(),
                section.parts());
    }

    String subnumbered(String heading, int index) {
        String number = chinese && index < CHINESE_NUMERALS.length ? CHINESE_NUMERALS[index] : String.valueOf(index + 1);
        return say("subnumbered", number, heading);
    }

    String rate(long part, long whole) {
        return whole == 0 ? say("none") : say("percent", BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString());
    }

    String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return (chinese ? DateTimeFormatter.ofPattern("yyyy年M月d日") : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))
                .withZone(zone).format(instant);
    }

    String dateTime(Instant instant) {
        return (chinese ? DateTimeFormatter.ofPattern("yyyy年M月d日H时mm分")
                : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH)).withZone(zone).format(instant);
    }

    DateCell dateCell(Instant instant, boolean withTime) {
        String text = withTime ? (chinese ? DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                : DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)).withZone(zone).format(instant) : date(instant);
        // Excel's own way of writing a Chinese date: the characters quoted
        String excel = chinese ? (withTime ? "yyyy\"年\"m\"月\"d\"日\" hh:mm" : "yyyy\"年\"m\"月\"d\"日\"")
                : (withTime ? "d mmm yyyy hh:mm" : "d mmmm yyyy");
        return new DateCell(instant.atZone(zone).toLocalDateTime(), text, excel);
    }

    long longestLate(List<DeadlineList.Item> items) {
        return items.stream().map(DeadlineList.Item::dueAt).filter(Objects::nonNull).mapToLong(this::daysLate).max().orElse(0L);
    }

    /** The days begun since a deadline passed, as of the meeting: a step late by an hour is a day late. */
    long daysLate(Instant dueAt) {
        return Math.max(1, (long) Math.ceil(Duration.between(dueAt, asOf).toMinutes() / (24 * 60.0)));
    }

    static long count(Map<?, Long> counts, Object key) {
        return counts.getOrDefault(key, 0L);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
