package org.expoflow.workflow.briefs;

import java.time.ZoneId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expoflow.projections.api.MeetingBrief;

/** The brief as a spreadsheet: a sheet per table, numbers as numbers, the title on the first rows. */
public final class BriefWorkbook {

    private BriefWorkbook() {
    }

    public static byte[] of(MeetingBrief brief, ZoneId zone, java.util.Map<String, String> people) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // the file says it was made at the meeting, so the same brief makes the same document properties
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(brief.meeting().asOf())));
            workbook.getProperties().getCoreProperties().setTitle(BriefTables.title(brief));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            for (BriefTables.Table table : BriefTables.of(brief, zone, people)) {
                Sheet sheet = workbook.createSheet(table.title().replaceAll("[\\\\/?*\\[\\]:]", " "));
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(BriefTables.title(brief));
                title.getCell(0).setCellStyle(heading);
                sheet.createRow(1).createCell(0).setCellValue(BriefTables.subtitle(brief, zone));
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
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the brief could not be written as a spreadsheet", e);
        }
    }
}
