package org.expoflow.workflow.briefs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables as an xlsx file: a sheet per table, the title and a line saying what it is as of on its first rows,
 * the headings bold, numbers as numbers so that a secretary can sum them.
 * <p>
 * Written as a stream ({@link SXSSFWorkbook}): rows go to a temporary file once a hundred are waiting, where a
 * workbook held whole in memory ran a node out of heap on a province's first meeting brief (docs/performance.md).
 */
public final class Spreadsheet {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int ROWS_IN_MEMORY = 100;

    private Spreadsheet() {
    }

    /** {@code created}: the instant the tables are as of, so the same tables make the same document properties. */
    public static byte[] of(String title, String subtitle, Instant created, List<BriefTables.Table> tables) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try {
                write(workbook, title, subtitle, created, tables);
                workbook.write(out);
            } finally {
                workbook.dispose(); // its temporary files
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the tables could not be written as a spreadsheet", e);
        }
    }

    private static void write(SXSSFWorkbook workbook, String title, String subtitle, Instant created, List<BriefTables.Table> tables) {
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(Date.from(created)));
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle heading = workbook.createCellStyle();
        heading.setFont(bold);
        for (BriefTables.Table table : tables) {
            Sheet sheet = workbook.createSheet(table.title().replaceAll("[\\\\/?*\\[\\]:]", " "));
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(title);
            titleRow.getCell(0).setCellStyle(heading);
            sheet.createRow(1).createCell(0).setCellValue(subtitle);
            Row headers = sheet.createRow(3);
            for (int c = 0; c < table.headers().size(); c++) {
                Cell cell = headers.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(heading);
            }
            int r = 4;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(BriefTables.text(value));
                    }
                }
            }
            for (int c = 0; c < table.headers().size(); c++) {
                sheet.setColumnWidth(c, 22 * 256);
            }
        }
    }
}
