package org.expoflow.workflow.briefs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;

/**
 * What every Word document the office edits shares, the meeting's brief (简报) and the ranking's notice (通报) alike:
 * A4 with an office's margins; the red masthead, its number, the issuing office and the date over a red rule; titles in
 * 宋体, headings in 黑体, running text in 仿宋 at 三号 indented by two characters; tables whose headings repeat on every
 * page. Fonts are named, not embedded: Word sets them from the secretary's own.
 */
public final class OfficeWord {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String RED = "C00000";
    public static final String TITLE_FONT = "宋体";
    public static final String HEADING_FONT = "黑体";
    public static final String BODY_FONT = "仿宋";
    private static final String LATIN_FONT = "Times New Roman";
    /** 三号, the size of an office's running text, in points. */
    public static final int BODY_SIZE = 16;
    public static final int TABLE_SIZE = 10;
    // A4 and an office's side margins, in twentieths of a point
    private static final int PAGE_WIDTH = 11906;
    private static final int LEFT_MARGIN = 1587;
    private static final int RIGHT_MARGIN = 1474;
    private static final int TEXT_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN;

    private OfficeWord() {
    }

    /** A new document on an office's page, created at {@code createdAt}, so that the same text gives the same file. */
    public static XWPFDocument document(String title, Instant createdAt) {
        XWPFDocument document = new XWPFDocument();
        document.getProperties().getCoreProperties().setTitle(title);
        document.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(createdAt)));
        pageOfAnOffice(document);
        return document;
    }

    /** The document's bytes; it is closed. */
    public static byte[] bytes(XWPFDocument document) throws IOException {
        try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A4, margins of 3.7 cm at the top, 3.5 at the foot, 2.8 at the left and 2.6 at the right. */
    private static void pageOfAnOffice(XWPFDocument document) {
        CTSectPr page = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = page.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = page.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(LEFT_MARGIN));
        margins.setRight(BigInteger.valueOf(RIGHT_MARGIN));
    }

    /**
     * The red masthead (会议简报, 督办考核通报), its number (第3期), then the issuing office at the left and the date at the
     * right, over a red rule.
     */
    public static void masthead(XWPFDocument document, String masthead, String number, String issuer, String date) {
        XWPFParagraph top = centred(document, masthead, TITLE_FONT, 36, true);
        top.getRuns().forEach(run -> run.setColor(RED));
        centred(document, number, BODY_FONT, BODY_SIZE, false);
        XWPFParagraph line = document.createParagraph();
        line.getCTP().addNewPPr().addNewTabs().addNewTab().setVal(STTabJc.RIGHT);
        line.getCTP().getPPr().getTabs().getTabArray(0).setPos(BigInteger.valueOf(8845));
        run(line, issuer, BODY_FONT, 14, false);
        XWPFRun tab = line.createRun();
        tab.addTab();
        run(line, date, BODY_FONT, 14, false);
        line.setBorderBottom(Borders.THICK);
        line.getCTP().getPPr().getPBdr().getBottom().setColor(RED);
        line.setSpacingAfter(240);
    }

    public static XWPFParagraph centred(XWPFDocument document, String text, String font, int size, boolean bold) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, text, font, size, bold);
        return paragraph;
    }

    /** Running text, its first line indented by two characters, justified unless it holds a break. */
    public static XWPFParagraph paragraph(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setIndentationFirstLine(BODY_SIZE * 2 * 20);
        // justified, a line ended by a break (a bilingual brief's Chinese above its English) is spread over the width
        paragraph.setAlignment(text.contains("\n") ? ParagraphAlignment.LEFT : ParagraphAlignment.BOTH);
        run(paragraph, text, BODY_FONT, BODY_SIZE, false);
        return paragraph;
    }

    /** A heading of running text in 黑体, indented as the paragraphs are (一、…). */
    public static XWPFParagraph heading(XWPFDocument document, String text) {
        XWPFParagraph heading = document.createParagraph();
        heading.setIndentationFirstLine(BODY_SIZE * 2 * 20);
        run(heading, text, HEADING_FONT, BODY_SIZE, false);
        return heading;
    }

    /** A line flush left, not indented: the units a text is sent to (各有关单位：). */
    public static XWPFParagraph flush(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        run(paragraph, text, BODY_FONT, BODY_SIZE, false);
        return paragraph;
    }

    /**
     * A table across the page with its headings in 黑体 on grey, repeated on every page it runs over, and its rows;
     * with no rows, one row with {@code none} in its first cell. An empty paragraph follows it, as Word needs between
     * two tables.
     */
    public static XWPFTable table(XWPFDocument document, List<String> headers, List<List<String>> rows, String none) {
        int columns = Math.max(1, headers.size());
        XWPFTable written = document.createTable(rows.size() + 1 + (rows.isEmpty() ? 1 : 0), columns);
        written.setWidth("100%");
        written.setTableAlignment(TableRowAlign.CENTER);
        XWPFTableRow heads = written.getRow(0);
        heads.setRepeatHeader(true);
        for (int c = 0; c < headers.size(); c++) {
            XWPFTableCell cell = heads.getCell(c);
            cell.setColor("EEEEEE");
            run(cell.getParagraphs().get(0), headers.get(c), HEADING_FONT, TABLE_SIZE, false);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size() && c < columns; c++) {
                run(written.getRow(r + 1).getCell(c).getParagraphs().get(0), row.get(c), BODY_FONT, TABLE_SIZE, false);
            }
        }
        if (rows.isEmpty()) {
            run(written.getRow(1).getCell(0).getParagraphs().get(0), none == null ? "" : none, BODY_FONT, TABLE_SIZE, false);
        }
        widenByContent(written, headers, rows);
        return written;
    }

    /**
     * Each column as wide as its longest cell asks, within bounds, instead of all alike: a unit's name (沈阳市) stays on
     * one line while a column of small numbers gives way.
     */
    private static void widenByContent(XWPFTable table, List<String> headers, List<List<String>> rows) {
        int columns = Math.max(1, headers.size());
        int[] wanted = new int[columns];
        for (int c = 0; c < columns; c++) {
            wanted[c] = Math.max(4, c < headers.size() ? Math.min(8, halfWidths(headers.get(c))) : 0);
            for (List<String> row : rows) {
                if (c < row.size()) {
                    wanted[c] = Math.max(wanted[c], Math.min(30, halfWidths(row.get(c))));
                }
            }
        }
        int total = java.util.Arrays.stream(wanted).sum();
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int c = 0; c < columns; c++) {
            BigInteger twips = BigInteger.valueOf((long) TEXT_WIDTH * wanted[c] / total);
            grid.addNewGridCol().setW(twips);
            for (XWPFTableRow row : table.getRows()) {
                if (c < row.getTableCells().size()) {
                    row.getCell(c).setWidth(twips.toString());
                }
            }
        }
    }

    /** How wide a text is set, in half-widths: a Chinese character counts two, a Latin letter or a digit one. */
    private static int halfWidths(String text) {
        int width = 0;
        for (String line : text.split("\n")) {
            width = Math.max(width, line.codePoints().map(point -> point > 0x2E80 ? 2 : 1).sum());
        }
        return width + 3; // the cell's own margins
    }

    /** The text in runs, a line a run, each after a break (a bilingual brief's English under the Chinese). */
    public static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = paragraph.createRun();
            run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
            run.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
            run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
            run.setFontSize(size);
            run.setBold(bold);
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }
}
