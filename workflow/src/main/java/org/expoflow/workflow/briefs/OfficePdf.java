package org.expoflow.workflow.briefs;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
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
 * What every PDF the office prints shares, the meeting's brief (简报) and the ranking's notice (通报) alike: an A4 page
 * with an office's margins and the page number at its foot (— 1 —); the red masthead, its number, the issuing office and
 * the date over a red rule; running text indented by two characters and broken into lines as Chinese is; table cells.
 * <p>
 * The text is set in WenQuanYi Micro Hei, a TrueType font under the Apache licence that ships inside ExpoFlow
 * ({@code fonts/wqy-microhei.ttc}), embedded as a subset of the glyphs a file uses: it prints the same on any machine,
 * with or without Chinese fonts, and stays small.
 */
public final class OfficePdf {

    /** The font shipped with ExpoFlow, the first face of the collection (the proportional one). */
    static final String FONT = "fonts/wqy-microhei.ttc,0";
    static final Color RED = new Color(0xC0, 0x00, 0x00);
    private static final Color HEADING_GREY = new Color(0xEE, 0xEE, 0xEE);
    private static final String NO_LINE_START = "，。、；：？！”’）》】」』…%％·";
    private static final String NO_LINE_END = "“‘（《【「『";

    private OfficePdf() {
    }

    /**
     * The sizes an office prints in, large enough for the masthead to read as one, small enough for a brief's summary
     * to keep to its first page.
     */
    public record Fonts(Font masthead, Font title, Font heading, Font body, Font tableHead, Font cell) {

        public static Fonts ofAnOffice() {
            BaseFont face = font();
            return new Fonts(new Font(face, 24, Font.BOLD, RED), new Font(face, 16, Font.BOLD), new Font(face, 11, Font.BOLD),
                    new Font(face, 10), new Font(face, 8.5f, Font.BOLD), new Font(face, 8.5f));
        }

        BaseFont face() {
            return body.getBaseFont();
        }
    }

    /** The font a file is set in, embedded as a subset. */
    public static BaseFont font() {
        try {
            return BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("the office's font " + FONT + " could not be read", e);
        }
    }

    /**
     * A document writing to {@code out}, opened: A4 upright with an office's margins, wider at the left for binding, and
     * the page number at the foot of every page.
     */
    public static Document document(OutputStream out, String title, Fonts fonts) throws DocumentException {
        Document document = new Document(PageSize.A4, 70, 62, 56, 56);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        HeaderFooter footer = new HeaderFooter(new Phrase("— ", fonts.body()), new Phrase(" —", fonts.body()));
        footer.setAlignment(Element.ALIGN_CENTER);
        footer.setBorder(Rectangle.NO_BORDER);
        document.setFooter(footer);
        document.open();
        return document;
    }

    /** The red masthead (会议简报, 督办考核通报), its number (第3期), then the issuing office and the date over a red rule. */
    public static void masthead(Document document, String masthead, String number, String issuer, String date, Fonts fonts)
            throws DocumentException {
        document.add(centred(masthead, fonts.masthead(), 0, 6));
        document.add(centred(number, fonts.body(), 0, 10));
        PdfPTable line = new PdfPTable(new float[] {3, 1});
        line.setWidthPercentage(100);
        PdfPCell issuing = new PdfPCell(new Phrase(printable(issuer, fonts.face()), fonts.body()));
        PdfPCell dated = new PdfPCell(new Phrase(printable(date, fonts.face()), fonts.body()));
        dated.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (PdfPCell cell : List.of(issuing, dated)) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColorBottom(RED);
            cell.setBorderWidthBottom(1.5f);
            cell.setPaddingBottom(6);
            line.addCell(cell);
        }
        document.add(line);
    }

    /** A line set in the middle, its glyphs made printable. */
    public static Paragraph centred(String text, Font font, float before, float after) {
        Paragraph paragraph = new Paragraph(printable(text, font.getBaseFont()), font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    /** A paragraph of running text, its first line indented by two characters as a Chinese text is. */
    public static Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(chunk(text, font));
        paragraph.setFirstLineIndent(font.getSize() * 2);
        paragraph.setLeading(font.getSize() * 1.5f);
        paragraph.setSpacingAfter(2);
        return paragraph;
    }

    /** A line flush left and not indented: a heading, or the units a text is sent to (各有关单位：). */
    public static Paragraph flush(String text, Font font, float before, float after) {
        Paragraph paragraph = new Paragraph(chunk(text, font));
        paragraph.setLeading(font.getSize() * 1.5f);
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    /** A table across the page, its headings on grey, repeated on every page it runs over. */
    public static PdfPTable table(List<String> headers, float[] widths, Fonts fonts) {
        PdfPTable table = widths == null ? new PdfPTable(Math.max(1, headers.size())) : new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(2);
        table.setSpacingAfter(4);
        headers.forEach(header -> {
            PdfPCell cell = cell(header, fonts.tableHead());
            cell.setBackgroundColor(HEADING_GREY);
            table.addCell(cell);
        });
        return table;
    }

    public static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(chunk(text, font)));
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(2.5f);
        cell.setLeading(0, 1.25f);
        return cell;
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
    static Chunk chunk(String text, Font font) {
        Chunk chunk = new Chunk(printable(text, font.getBaseFont()), font);
        chunk.setSplitCharacter(CHINESE_LINE_BREAKS);
        return chunk;
    }

    /**
     * The text with the characters the font has no glyph for replaced by ones it has: a dot of another code prints as
     * the middle dot, a minus or a dash of another code as the hyphen; a character with no stand-in prints as "?"
     * rather than as an empty box the reader cannot tell from a space.
     */
    public static String printable(String text, BaseFont font) {
        StringBuilder printed = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || font.charExists(c)) {
                printed.appendCodePoint(c);
            } else {
                int standIn = switch (c) {
                    case '\u00b7', '\u2022', '\u2027', '\u22c5', '\u2219', '\u30fb' -> '\u00b7';
                    case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212' -> '-';
                    default -> '?';
                };
                printed.appendCodePoint(font.charExists(standIn) ? standIn : '?');
            }
        });
        return printed.toString();
    }
}
