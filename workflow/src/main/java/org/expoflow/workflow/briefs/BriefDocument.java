package org.expoflow.workflow.briefs;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The brief as a PDF to print, laid out as a 简报: the red masthead with its issue number, the issuing office and the
 * date over a red rule, the title, then the summary on the first page; each directive in detail from the next page;
 * the annex tables after them; the page number at the foot (— 1 —).
 * <p>
 * The text is set in WenQuanYi Micro Hei, a TrueType font under the Apache licence that ships inside ExpoFlow
 * ({@code fonts/wqy-microhei.ttc}), embedded as a subset of the glyphs the brief uses: the file prints the same on
 * any machine, with or without Chinese fonts, and stays small.
 */
public final class BriefDocument {

    /** The font shipped with ExpoFlow, the first face of the collection (the proportional one). */
    static final String FONT = "fonts/wqy-microhei.ttc,0";
    static final int PRINTED_ROWS = 200;
    private static final Color RED = new Color(0xC0, 0x00, 0x00);
    private static final String NO_LINE_START = "，。、；：？！”’）》】」』…%％·";
    private static final String NO_LINE_END = "“‘（《【「『";

    private BriefDocument() {
    }

    /** The font the brief is set in, embedded as a subset. */
    static BaseFont font() {
        try {
            return BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("the brief's font " + FONT + " could not be read", e);
        }
    }

    public static byte[] of(BriefText brief) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont face = font();
            // sizes that keep the summary on its first page, the masthead as large as an office prints it
            Fonts fonts = new Fonts(new Font(face, 24, Font.BOLD, RED), new Font(face, 16, Font.BOLD), new Font(face, 11, Font.BOLD),
                    new Font(face, 10), new Font(face, 8.5f, Font.BOLD), new Font(face, 8.5f), new Font(face, 10));
            // A4 upright, an office's margins: wider at the left, for binding
            Document document = new Document(PageSize.A4, 70, 62, 56, 56);
            PdfWriter.getInstance(document, out);
            document.addTitle(brief.title());
            HeaderFooter footer = new HeaderFooter(new Phrase("— ", fonts.body()), new Phrase(" —", fonts.body()));
            footer.setAlignment(Element.ALIGN_CENTER);
            footer.setBorder(Rectangle.NO_BORDER);
            document.setFooter(footer);
            document.open();
            masthead(document, brief, fonts);
            for (BriefText.Section section : brief.summary()) {
                section(document, section, fonts, brief);
            }
            if (!brief.details().parts().isEmpty()) {
                document.newPage();
                document.add(centred(printable(brief.details().heading(), face), fonts.heading(), 0, 8));
                for (BriefText.Section part : brief.details().parts()) {
                    section(document, part, fonts, brief);
                }
                for (String text : brief.details().paragraphs()) {
                    document.add(paragraph(text, fonts.body()));
                }
            }
            document.newPage();
            document.add(centred(printable(brief.annex().heading(), face), fonts.heading(), 0, 8));
            for (BriefTables.Table table : brief.annex().tables()) {
                Paragraph title = new Paragraph(printable(table.title(), face), fonts.tableHead());
                title.setSpacingBefore(10);
                title.setSpacingAfter(4);
                document.add(title);
                document.add(table(table, fonts, brief));
            }
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the brief could not be written as a PDF", e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the brief could not be laid out as a PDF", e);
        }
    }

    private record Fonts(Font masthead, Font title, Font heading, Font body, Font tableHead, Font cell, Font line) {
    }

    private static void masthead(Document document, BriefText brief, Fonts fonts) throws DocumentException {
        BaseFont face = fonts.body().getBaseFont();
        document.add(centred(printable(brief.masthead(), face), fonts.masthead(), 0, 6));
        document.add(centred(printable(brief.issue(), face), fonts.body(), 0, 10));
        PdfPTable line = new PdfPTable(new float[] {3, 1});
        line.setWidthPercentage(100);
        PdfPCell issuer = new PdfPCell(new Phrase(printable(brief.issuer(), face), fonts.body()));
        PdfPCell date = new PdfPCell(new Phrase(printable(brief.date(), face), fonts.body()));
        date.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (PdfPCell cell : List.of(issuer, date)) {
            // the red rule under the issuing office and the date
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColorBottom(RED);
            cell.setBorderWidthBottom(1.5f);
            cell.setPaddingBottom(6);
            line.addCell(cell);
        }
        document.add(line);
        document.add(centred(printable(brief.title(), face), fonts.title(), 12, 6));
        document.add(paragraph(brief.lead(), fonts.body()));
    }

    private static void section(Document document, BriefText.Section section, Fonts fonts, BriefText brief)
            throws DocumentException {
        BaseFont face = fonts.body().getBaseFont();
        Paragraph heading = new Paragraph(printable(section.heading(), face), fonts.heading());
        heading.setSpacingBefore(5);
        heading.setSpacingAfter(2);
        document.add(heading);
        for (String text : section.paragraphs()) {
            document.add(paragraph(text, fonts.body()));
        }
        for (BriefTables.Table table : section.tables()) {
            document.add(table(table, fonts, brief));
        }
        for (BriefText.Section part : section.parts()) {
            section(document, part, fonts, brief);
        }
    }

    /**
     * A table printed up to {@value #PRINTED_ROWS} rows and then a line saying how many more the spreadsheet holds: a
     * province's first brief lists every step of its expo as new, which nobody prints, and the sheet holds them all.
     */
    private static PdfPTable table(BriefTables.Table table, Fonts fonts, BriefText brief) {
        PdfPTable printed = new PdfPTable(Math.max(1, table.headers().size()));
        printed.setWidthPercentage(100);
        printed.setHeaderRows(1);
        printed.setSpacingBefore(2);
        printed.setSpacingAfter(4);
        table.headers().forEach(header -> {
            PdfPCell cell = cell(header, fonts.tableHead());
            cell.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
            printed.addCell(cell);
        });
        for (List<Object> row : table.rows().subList(0, Math.min(PRINTED_ROWS, table.rows().size()))) {
            row.forEach(value -> printed.addCell(cell(BriefTables.text(value), fonts.cell())));
        }
        if (table.rows().size() > PRINTED_ROWS) {
            PdfPCell rest = cell(brief.moreRows().replace("{0}", String.valueOf(table.rows().size() - PRINTED_ROWS)), fonts.cell());
            rest.setColspan(table.headers().size());
            printed.addCell(rest);
        }
        if (table.rows().isEmpty()) {
            PdfPCell none = cell(brief.none(), fonts.cell());
            none.setColspan(table.headers().size());
            printed.addCell(none);
        }
        return printed;
    }

    private static Paragraph centred(String text, Font font, float before, float after) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    /**
     * Where a line may break in Chinese text: not before a closing mark (，。、；：”）…), which would start a line,
     * nor after an opening one (“（《), which would end one; elsewhere as OpenPDF breaks.
     */
    private static final SplitCharacter CHINESE_LINE_BREAKS = (start, current, end, chars, chunks) -> {
        char next = current + 1 < end ? chars[current + 1] : ' ';
        if (NO_LINE_START.indexOf(next) >= 0 || NO_LINE_END.indexOf(chars[current]) >= 0) {
            return false;
        }
        return DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, chars, chunks);
    };

    /** The text as one chunk, broken into lines as Chinese text is. */
    private static Chunk chunk(String text, Font font) {
        Chunk chunk = new Chunk(printable(text, font.getBaseFont()), font);
        chunk.setSplitCharacter(CHINESE_LINE_BREAKS);
        return chunk;
    }

    /** A paragraph of running text, its first line indented by two characters as a Chinese text is. */
    private static Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(chunk(text, font));
        paragraph.setFirstLineIndent(font.getSize() * 2);
        paragraph.setLeading(font.getSize() * 1.5f);
        paragraph.setSpacingAfter(2);
        return paragraph;
    }

    /**
     * The text with the characters the font has no glyph for replaced by ones it has: a dot of another code prints as
     * the middle dot; a character with no stand-in prints as "?" rather than as an empty box the reader cannot tell from
     * a space.
     */
    static String printable(String text, BaseFont font) {
        StringBuilder printed = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || font.charExists(c)) {
                printed.appendCodePoint(c);
            } else {
                int standIn = switch (c) {
                    case '\u00b7', '\u2022', '\u2027', '\u22c5', '\u2219', '\u30fb' -> '\u00b7';
                    case '\u2010', '\u2011', '\u2012' -> '-';
                    default -> '?';
                };
                printed.appendCodePoint(font.charExists(standIn) ? standIn : '?');
            }
        });
        return printed.toString();
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(chunk(text, font)));
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(2.5f);
        cell.setLeading(0, 1.25f);
        return cell;
    }
}
