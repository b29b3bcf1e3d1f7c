package org.expoflow.workflow.briefs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables as an xlsx file: a sheet per table, the title and a line saying what it is as of on its first rows,
 * the headings bold, frozen and filtered, numbers as numbers so that a secretary can sum them, dates as dates
 * ({@link DateCell}) so that she can sort and filter by them.
 * <p>
 * Written as a stream ({@link SXSSFWorkbook}): rows go to a temporary file once a hundred are waiting, where a
 * workbook held whole in memory ran a node out of heap on a province's first meeting brief (docs/performance.md).
 */
public final class Spreadsheet {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The row of a table's headings (under the title, the line saying what it is as of, and a blank one). */
    public static final int HEADER_ROW = 3;
    private static final int ROWS_IN_MEMORY = 100;

    private Spreadsheet() {
    }

    /** {@code created}: the instant the tables are as of, so the same tables make the same document properties. */
    public static byte[] of(String title, String subtitle, Instant created, List<BriefTables.Table> tables) {
        return of(title, subtitle, created, null, tables);
    }

    /**
     * With a first sheet of sentences ({@code lines}, a line a row, titled {@code lines.title()}), before the tables:
     * a brief's summary.
     */
    public static byte[] of(String title, String subtitle, Instant created, BriefTables.Table lines, List<BriefTables.Table> tables) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try {
                write(workbook, title, subtitle, created, lines, tables);
                workbook.write(out);
            } finally {
                workbook.dispose(); // its temporary files
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the tables could not be written as a spreadsheet", e);
        }
    }

    private static void write(SXSSFWorkbook workbook, String title, String subtitle, Instant created, BriefTables.Table lines,
                              List<BriefTables.Table> tables) {
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(Date.from(created)));
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle heading = workbook.createCellStyle();
        heading.setFont(bold);
        Map<String, CellStyle> dateStyles = new HashMap<>();
        Set<String> sheetNames = new HashSet<>();
        if (lines != null) {
            Sheet sheet = workbook.createSheet(sheetName(lines.title(), sheetNames));
            sheet.setColumnWidth(0, 120 * 256);
            for (int c = 1; c < 8; c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            int r = 0;
            for (List<Object> line : lines.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < line.size(); c++) {
                    Cell cell = row.createCell(c);
                    if (line.get(c) instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(BriefTables.text(line.get(c)));
                    }
                    if (line.get(c) instanceof Heading) {
                        cell.setCellStyle(heading);
                    }
                }
            }
        }
        for (BriefTables.Table table : tables) {
            Sheet sheet = workbook.createSheet(sheetName(table.title(), sheetNames));
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(title);
            titleRow.getCell(0).setCellStyle(heading);
            sheet.createRow(1).createCell(0).setCellValue(subtitle);
            Row headers = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < table.headers().size(); c++) {
                Cell cell = headers.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(heading);
            }
            int r = HEADER_ROW + 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof DateCell date) {
                        cell.setCellValue(date.at());
                        cell.setCellStyle(dateStyles.computeIfAbsent(date.excelFormat(), format -> {
                            CellStyle style = workbook.createCellStyle();
                            style.setDataFormat(workbook.createDataFormat().getFormat(format));
                            return style;
                        }));
                    } else {
                        cell.setCellValue(BriefTables.text(value));
                    }
                }
            }
            for (int c = 0; c < table.headers().size(); c++) {
                sheet.setColumnWidth(c, 22 * 256);
            }
            // the headings stay in view as the rows scroll, and each column filters
            sheet.createFreezePane(0, HEADER_ROW + 1);
            if (!table.headers().isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, r - 1), 0, table.headers().size() - 1));
            }
        }
    }

    /** A line of the sentences' sheet set in bold: a heading. */
    public record Heading(String text) {

        @Override
        public String toString() {
            return text;
        }
    }

    /** A sheet's name from a table's title: at most 31 characters, none Excel refuses, none taken twice. */
    private static String sheetName(String title, Set<String> taken) {
        String name = WorkbookUtil.createSafeSheetName(title.replaceAll("[\\\\/?*\\[\\]:]", " ").strip());
        String unique = name;
        for (int n = 2; taken.contains(unique.toLowerCase()); n++) {
            String suffix = " (" + n + ")";
            unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(unique.toLowerCase());
        return unique;
    }
}
