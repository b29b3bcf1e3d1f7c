package org.expoflow.workflow.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.application.OfficeFile;
import org.expoflow.workflow.briefs.OfficePdf;
import org.expoflow.workflow.briefs.OfficeWord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfPTable;

/**
 * The month's notice (通报) of the ranking, as the office sends it round: the red masthead, its number (〔2030〕1号),
 * the issuing office and the date it is written, the title, the units it is sent to, then who did best and who worst
 * with the numbers that put them there, what is asked of them, and every unit's row in the annexed table with the
 * weights it was scored by. Written once in the reader's words, then laid out as a PDF to print or as a Word document
 * for the secretary to edit, on the page every office file shares ({@link OfficePdf}, {@link OfficeWord}).
 */
@Component
public class RankingNotice {

    /** How many units the notice names as the best, and as the worst. */
    static final int NAMED = 3;

    /** The formats a notice comes in. */
    public static final List<String> FORMATS = List.of("pdf", "docx");

    private static final String[] COLUMNS = {"rank", "unit", "score", "trend", "onTime", "late", "overdue", "daysLate", "chaseUps",
            "returns", "reports", "figures"};
    /** The unit's column wide enough for 沈抚示范区 on one line, the counts narrow. */
    private static final float[] PRINTED_WIDTHS = {0.7f, 1.6f, 0.8f, 0.8f, 0.9f, 0.9f, 0.9f, 0.9f, 0.7f, 0.7f, 0.9f, 0.9f};

    private final MessageSource messages;
    private final ZoneId provinceZone;

    public RankingNotice(MessageSource messages, @Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.messages = messages;
        this.provinceZone = provinceZone;
    }

    /** A numbered part of the notice's body: its heading (一、表现较好的单位) and its paragraphs. */
    record Part(String heading, List<String> paragraphs) {
    }

    /** The notice as the office writes it, whatever it is printed on. */
    record NoticeText(String fileTitle, String masthead, String number, String issuer, String date, String title,
                      String addressee, String intro, List<Part> parts, String annex, List<String> headers,
                      List<List<String>> rows, String none, String weights) {
    }

    /** The notice as a file, {@code pdf} or {@code docx}; another format is refused naming {@code format}. */
    public OfficeFile of(UnitRanking.Ranking ranking, Map<String, String> unitNames, Locale locale, String format) {
        if (!FORMATS.contains(format)) {
            throw DomainRuleViolation.invalid("format", "format is json, pdf or docx, not " + format).coded("rankingFormat", format);
        }
        NoticeText text = text(ranking, unitNames, locale);
        if (format.equals("docx")) {
            return new OfficeFile(text.fileTitle() + ".docx", OfficeWord.CONTENT_TYPE, word(text, ranking));
        }
        return new OfficeFile(text.fileTitle() + ".pdf", "application/pdf", pdf(text));
    }

    NoticeText text(UnitRanking.Ranking ranking, Map<String, String> unitNames, Locale locale) {
        String year = String.valueOf(ranking.month().getYear());
        String month = String.valueOf(ranking.month().getMonthValue());
        List<String> numbers = List.of(words("notice.numbers", locale).split(","));
        List<Part> parts = new ArrayList<>();
        if (!ranking.units().isEmpty()) {
            parts.add(new Part(words("notice.best", locale), List.of(sentences(ranking.best(NAMED), unitNames, locale))));
            List<UnitRanking.UnitScore> worst = ranking.worst(NAMED);
            if (!worst.isEmpty()) {
                parts.add(new Part(words("notice.worst", locale), List.of(sentences(worst, unitNames, locale))));
            }
            parts.add(new Part(words("notice.asks", locale), List.of(words("notice.ask", locale))));
        }
        List<Part> numbered = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            numbered.add(new Part(words("notice.numbered", locale, numbers.get(Math.min(i, numbers.size() - 1)), parts.get(i).heading()),
                    parts.get(i).paragraphs()));
        }
        RankingSettings.Weights w = ranking.settings().weights();
        return new NoticeText(words("notice.title", locale, ranking.expoName(), year, month), words("notice.masthead", locale),
                words("notice.number", locale, year, month), words("notice.issuer", locale, ranking.expoName()),
                written(ranking, locale), words("notice.heading", locale, year, month), words("notice.addressee", locale),
                words("notice.intro", locale, year, month, ranking.units().size()), numbered,
                words("notice.annex", locale, year, month),
                java.util.Arrays.stream(COLUMNS).map(column -> words("ranking.col." + column, locale)).toList(),
                ranking.units().stream().map(unit -> row(unit, unitNames)).toList(), words("ranking.empty", locale),
                words("notice.weights", locale, plain(w.onTime()), plain(w.daysLate()), plain(w.chaseUps()), plain(w.returns()),
                        plain(w.reports()), plain(w.figures())));
    }

    /**
     * The day the notice is written, as an office dates a document (2030年2月1日, in Arabic figures as GB/T 9704 has it):
     * the day after the month for a past month, so that it is dated the same however often it is printed; today for the
     * present one.
     */
    private String written(UnitRanking.Ranking ranking, Locale locale) {
        DateTimeFormatter format = "en".equals(locale.getLanguage()) ? DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                : DateTimeFormatter.ofPattern("yyyy年M月d日");
        return format.withZone(provinceZone).format(ranking.to());
    }

    private static byte[] pdf(NoticeText text) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OfficePdf.Fonts fonts = OfficePdf.Fonts.ofAnOffice();
            Document document = OfficePdf.document(out, text.fileTitle(), fonts);
            OfficePdf.masthead(document, text.masthead(), text.number(), text.issuer(), text.date(), fonts);
            document.add(OfficePdf.centred(text.title(), fonts.title(), 12, 8));
            document.add(OfficePdf.flush(text.addressee(), fonts.body(), 0, 2));
            document.add(OfficePdf.paragraph(text.intro(), fonts.body()));
            for (Part part : text.parts()) {
                document.add(OfficePdf.flush(part.heading(), fonts.heading(), 5, 2));
                for (String paragraph : part.paragraphs()) {
                    document.add(OfficePdf.paragraph(paragraph, fonts.body()));
                }
            }
            document.add(OfficePdf.flush(text.annex(), fonts.heading(), 12, 4));
            PdfPTable table = OfficePdf.table(text.headers(), PRINTED_WIDTHS, fonts);
            for (List<String> row : text.rows()) {
                row.forEach(cell -> table.addCell(OfficePdf.cell(cell, fonts.cell())));
            }
            if (text.rows().isEmpty()) {
                var none = OfficePdf.cell(text.none(), fonts.cell());
                none.setColspan(text.headers().size());
                table.addCell(none);
            }
            document.add(table);
            document.add(OfficePdf.flush(text.weights(), new Font(fonts.cell().getBaseFont(), 8), 2, 0));
            document.close();
            return out.toByteArray();
        } catch (IOException | DocumentException failed) {
            throw new UncheckedIOException(new IOException("the ranking notice could not be written as a PDF", failed));
        }
    }

    private static byte[] word(NoticeText text, UnitRanking.Ranking ranking) {
        try {
            XWPFDocument document = OfficeWord.document(text.fileTitle(), ranking.to());
            OfficeWord.masthead(document, text.masthead(), text.number(), text.issuer(), text.date());
            OfficeWord.centred(document, text.title(), OfficeWord.TITLE_FONT, 22, true).setSpacingAfter(240);
            OfficeWord.flush(document, text.addressee());
            OfficeWord.paragraph(document, text.intro());
            for (Part part : text.parts()) {
                OfficeWord.heading(document, part.heading());
                part.paragraphs().forEach(paragraph -> OfficeWord.paragraph(document, paragraph));
            }
            // the annex on a page of its own, headed in 黑体 as an office heads one
            XWPFParagraph annex = document.createParagraph();
            annex.setPageBreak(true);
            OfficeWord.run(annex, text.annex(), OfficeWord.HEADING_FONT, OfficeWord.BODY_SIZE, false);
            OfficeWord.table(document, text.headers(), text.rows(), text.none());
            OfficeWord.run(document.createParagraph(), text.weights(), OfficeWord.BODY_FONT, OfficeWord.TABLE_SIZE, false);
            return OfficeWord.bytes(document);
        } catch (IOException failed) {
            throw new UncheckedIOException("the ranking notice could not be written as a Word document", failed);
        }
    }

    /** The units named, each with the numbers that put it there, as one sentence. */
    private String sentences(List<UnitRanking.UnitScore> units, Map<String, String> unitNames, Locale locale) {
        return String.join(words("notice.separator", locale), units.stream().map(unit -> {
            String name = unitNames.getOrDefault(unit.unitId(), unit.name());
            int late = unit.counts().late() + unit.counts().overdue();
            return late == 0
                    ? words("notice.unitOnTime", locale, name, unit.score().toPlainString(), unit.counts().onTime(),
                            unit.counts().chaseUps(), unit.counts().returns())
                    : words("notice.unit", locale, name, unit.score().toPlainString(), unit.counts().onTime(), late,
                            plain(unit.counts().daysLate()), unit.counts().chaseUps(), unit.counts().returns());
        }).toList()) + words("notice.end", locale);
    }

    /** A unit's row as the page and the notice print it. */
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

    /** A number as people write it: 12.5, 6 rather than 6.0, 30 rather than 3E+1. */
    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    private String words(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
