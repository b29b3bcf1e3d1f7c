package org.expoflow.workflow.briefs;

import java.time.ZoneId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.expoflow.projections.api.MeetingBrief;

/**
 * The brief as a PDF to print: landscape A4, a table per section. The text is set in STSong-Light, a
 * CJK font every PDF reader provides, so Chinese unit names print without a font file of our own.
 */
public final class BriefDocument {

    static final int PRINTED_ROWS = 200;

    private BriefDocument() {
    }

    public static byte[] of(MeetingBrief brief, ZoneId zone, java.util.Map<String, String> people,
                            java.util.Map<String, org.expoflow.workflow.kinds.FigureWords.NamedFigure> figures) {
        return of(BriefTables.title(brief), BriefTables.subtitle(brief, zone), BriefTables.of(brief, zone, people, figures));
    }

    /**
     * The tables printed, each up to {@value #PRINTED_ROWS} rows and then a line saying how many more the
     * spreadsheet holds: a province's first brief lists every step of its expo as new (tens of thousands of
     * rows, thousands of pages, minutes of a node's time), which nobody prints, and the sheet holds them all.
     */
    static byte[] of(String titleText, String subtitleText, List<BriefTables.Table> tables) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font title = new Font(song, 14, Font.BOLD);
            Font heading = new Font(song, 11, Font.BOLD);
            Font body = new Font(song, 8);
            Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
            PdfWriter.getInstance(document, out);
            document.addTitle(titleText);
            document.addCreationDate();
            document.open();
            document.add(new Paragraph(printable(titleText, song), title));
            document.add(new Paragraph(printable(subtitleText, song), body));
            for (BriefTables.Table table : tables) {
                Paragraph section = new Paragraph(printable(table.title(), song), heading);
                section.setSpacingBefore(10);
                section.setSpacingAfter(4);
                document.add(section);
                PdfPTable pdfTable = new PdfPTable(table.headers().size());
                pdfTable.setWidthPercentage(100);
                pdfTable.setHeaderRows(1);
                table.headers().forEach(header -> pdfTable.addCell(cell(header, heading)));
                for (List<Object> row : table.rows().subList(0, Math.min(PRINTED_ROWS, table.rows().size()))) {
                    row.forEach(value -> pdfTable.addCell(cell(BriefTables.text(value), body)));
                }
                if (table.rows().size() > PRINTED_ROWS) {
                    int more = table.rows().size() - PRINTED_ROWS;
                    PdfPCell rest = cell("另有 " + more + " 行，见 Excel 文件 (" + more + " more rows in the spreadsheet)", body);
                    rest.setColspan(table.headers().size());
                    pdfTable.addCell(rest);
                }
                if (table.rows().isEmpty()) {
                    PdfPCell none = cell("无 none", body);
                    none.setColspan(table.headers().size());
                    pdfTable.addCell(none);
                }
                document.add(pdfTable);
            }
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the brief could not be written as a PDF", e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the brief could not be laid out as a PDF", e);
        }
    }

    /**
     * The text with the characters the font has no glyph for replaced by ones it has: the middle dot of "日本·大阪"
     * (U+00B7, not in STSong-Light) prints as the CJK one (・); a character with no stand-in prints as "?" rather
     * than as an empty box the reader cannot tell from a space.
     */
    static String printable(String text, BaseFont font) {
        StringBuilder printed = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || font.charExists(c)) {
                printed.appendCodePoint(c);
            } else {
                int standIn = switch (c) {
                    case '\u00b7', '\u2022', '\u2027', '\u22c5', '\u2219' -> '\u30fb';
                    case '\u2010', '\u2011', '\u2012' -> '-';
                    default -> '?';
                };
                printed.appendCodePoint(font.charExists(standIn) ? standIn : '?');
            }
        });
        return printed.toString();
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(printable(text, font.getBaseFont()), font));
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(3);
        return cell;
    }
}
