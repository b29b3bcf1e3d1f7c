package org.expoflow.workflow.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.expoflow.workflow.application.OfficeFile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The month's notice (通报) of the ranking, as the office sends it round: who did best and who worst, with the numbers
 * that put them there, then every unit's row. Set in STSong-Light, the CJK font every PDF reader provides.
 */
@Component
public class RankingNotice {

    /** How many units the notice names as the best, and as the worst. */
    static final int NAMED = 3;

    private final MessageSource messages;

    public RankingNotice(MessageSource messages) {
        this.messages = messages;
    }

    public OfficeFile of(UnitRanking.Ranking ranking, Map<String, String> unitNames, Locale locale) {
        String title = words("notice.title", locale, ranking.expoName(), String.valueOf(ranking.month().getYear()),
                String.valueOf(ranking.month().getMonthValue()));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font heading = new Font(song, 15, Font.BOLD);
            Font body = new Font(song, 10);
            Font small = new Font(song, 8);
            Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.open();
            Paragraph top = new Paragraph(printable(title, song), heading);
            top.setAlignment(Paragraph.ALIGN_CENTER);
            document.add(top);
            document.add(new Paragraph(printable(words("notice.intro", locale, ranking.units().size()), song), body));
            if (!ranking.units().isEmpty()) {
                document.add(new Paragraph(printable(words("notice.best", locale)
                        + sentences(ranking.best(NAMED), unitNames, locale), song), body));
                document.add(new Paragraph(printable(words("notice.worst", locale)
                        + sentences(ranking.worst(NAMED), unitNames, locale), song), body));
            }
            List<String> columns = List.of("rank", "unit", "score", "trend", "onTime", "late", "overdue", "daysLate", "chaseUps",
                    "returns", "reports", "figures");
            PdfPTable table = new PdfPTable(columns.size());
            table.setWidthPercentage(100);
            table.setSpacingBefore(10);
            table.setHeaderRows(1);
            columns.forEach(column -> table.addCell(new PdfPCell(new Phrase(printable(words("ranking.col." + column, locale), song),
                    small))));
            for (UnitRanking.UnitScore unit : ranking.units()) {
                for (String cell : row(unit, unitNames)) {
                    table.addCell(new PdfPCell(new Phrase(printable(cell, song), small)));
                }
            }
            document.add(table);
            document.add(new Paragraph(printable(words("notice.weights", locale, ranking.settings().weights().onTime(),
                    ranking.settings().weights().daysLate(), ranking.settings().weights().chaseUps(),
                    ranking.settings().weights().returns(), ranking.settings().weights().reports(),
                    ranking.settings().weights().figures()), song), small));
            document.close();
            return new OfficeFile(title + ".pdf", "application/pdf", out.toByteArray());
        } catch (IOException | DocumentException failed) {
            throw new UncheckedIOException(new IOException("the ranking notice could not be written", failed));
        }
    }

    /** The text with a printable stand-in for each character the font has no glyph for (a minus, a dash, a middle dot). */
    static String printable(String text, BaseFont font) {
        StringBuilder printed = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || font.charExists(c)) {
                printed.appendCodePoint(c);
            } else {
                printed.append(switch (c) {
                    case '\u00b7', '\u2022' -> "\u30fb";
                    case '\u2212', '\u2013', '\u2014', '\u2010' -> "-";
                    default -> new String(Character.toChars(c));
                });
            }
        });
        return printed.toString();
    }

    private String sentences(List<UnitRanking.UnitScore> units, Map<String, String> unitNames, Locale locale) {
        return String.join(words("notice.separator", locale), units.stream().map(unit -> words("notice.unit", locale,
                unitNames.getOrDefault(unit.unitId(), unit.name()), unit.score().toPlainString(), unit.counts().onTime(),
                unit.counts().late() + unit.counts().overdue(), unit.counts().daysLate().toPlainString(), unit.counts().chaseUps(),
                unit.counts().returns())).toList());
    }

    public static List<String> row(UnitRanking.UnitScore unit, Map<String, String> unitNames) {
        return List.of(String.valueOf(unit.rank()), unitNames.getOrDefault(unit.unitId(), unit.name()), unit.score().toPlainString(),
                trend(unit.trend()), String.valueOf(unit.counts().onTime()), String.valueOf(unit.counts().late()),
                String.valueOf(unit.counts().overdue()), unit.counts().daysLate().toPlainString(),
                String.valueOf(unit.counts().chaseUps()), String.valueOf(unit.counts().returns()),
                unit.counts().reportsOwed() == 0 ? "—" : (unit.counts().reportsOwed() - unit.counts().reportsMissed()) + " / "
                        + unit.counts().reportsOwed(),
                unit.figuresShare() == null ? "—" : unit.figuresShare().multiply(BigDecimal.valueOf(100))
                        .setScale(0, RoundingMode.HALF_UP) + "%");
    }

    /** A score's change against the month before: +3.5, −2.0, or a dash when there was none to compare with. */
    public static String trend(BigDecimal trend) {
        if (trend == null) {
            return "—";
        }
        return trend.signum() > 0 ? "+" + trend.toPlainString() : trend.signum() < 0 ? "−" + trend.negate().toPlainString() : "0.0";
    }

    private String words(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
