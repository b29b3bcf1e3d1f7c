package org.expoflow.workflow.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expoflow.commands.api.DomainRuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The auditor's reading of the log, for the page and the API alike: the filters as people give them (a day, or an
 * instant), the entries, the workbook; an export is itself kept in the log. Nothing here changes an entry.
 */
@Service
public class AuditReading {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditLog log;
    private final MessageSource messages;
    private final ZoneId provinceZone;

    public AuditReading(AuditLog log, MessageSource messages, @Value("${expoflow.time-zone}") ZoneId provinceZone) {
        this.log = log;
        this.messages = messages;
        this.provinceZone = provinceZone;
    }

    /** A filter as given: {@code from} and {@code to} a day (yyyy-MM-dd, {@code to} counted whole) or an instant. */
    @PreAuthorize("hasRole('AUDITOR')")
    public AuditQuery query(String from, String to, String actor, String action, Integer limit) {
        Instant start = moment("from", from, false);
        Instant end = moment("to", to, true);
        if (start != null && end != null && !end.isAfter(start)) {
            throw DomainRuleViolation.invalid("to", "'to' must come after 'from'").coded("auditToBeforeFrom");
        }
        if (limit != null && (limit < 1 || limit > AuditQuery.MOST)) {
            throw DomainRuleViolation.invalid("limit", "limit is 1 to " + AuditQuery.MOST).coded("auditLimit", AuditQuery.MOST);
        }
        return new AuditQuery(start, end, actor, action, limit == null ? AuditQuery.MOST : limit);
    }

    @PreAuthorize("hasRole('AUDITOR')")
    public List<AuditEntry> entries(AuditQuery query) {
        return log.find(query);
    }

    @PreAuthorize("hasRole('AUDITOR')")
    public List<String> actions() {
        return log.actions();
    }

    /** The entries as a workbook: dates as dates, the heading row frozen and filtered; the export is kept in the log. */
    @PreAuthorize("hasRole('AUDITOR')")
    public byte[] workbook(AuditQuery query) {
        List<AuditEntry> entries = log.find(query);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("rows", entries.size());
        what.put("from", String.valueOf(query.from()));
        what.put("to", String.valueOf(query.to()));
        what.put("actor", String.valueOf(query.actor()));
        what.put("action", String.valueOf(query.action()));
        log.record(SecurityContextHolder.getContext().getAuthentication().getName(), AuditActions.AUDIT_EXPORTED, what);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(word("audit.title"));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            CellStyle when = workbook.createCellStyle();
            when.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row head = sheet.createRow(0);
            String[] headings = {word("audit.at"), word("audit.actor"), word("audit.action"), word("audit.address"), word("audit.what")};
            for (int column = 0; column < headings.length; column++) {
                Cell cell = head.createCell(column);
                cell.setCellValue(headings[column]);
                cell.setCellStyle(heading);
            }
            int number = 1;
            for (AuditEntry entry : entries) {
                Row row = sheet.createRow(number++);
                Cell at = row.createCell(0);
                // the spreadsheet's dates have no zone: the province's wall clock, as the page shows them
                at.setCellValue(entry.at().atZone(provinceZone).toLocalDateTime());
                at.setCellStyle(when);
                row.createCell(1).setCellValue(String.valueOf(entry.actor()));
                row.createCell(2).setCellValue(actionWord(entry.action()));
                row.createCell(3).setCellValue(entry.address() == null ? "" : entry.address());
                row.createCell(4).setCellValue(whatWords(entry.what()));
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, number - 1), 0, headings.length - 1));
            sheet.setColumnWidth(0, 20 * 256);
            sheet.setColumnWidth(1, 16 * 256);
            sheet.setColumnWidth(2, 16 * 256);
            sheet.setColumnWidth(3, 16 * 256);
            sheet.setColumnWidth(4, 80 * 256);
            workbook.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new Date()));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log could not be written as a workbook", e);
        }
    }

    /** A refusal of a filter as the page says it. */
    public String refusal(DomainRuleViolation refused) {
        return refused.code() == null ? refused.getMessage()
                : messages.getMessage("refusal." + refused.code(), refused.arguments().toArray(), refused.getMessage(),
                LocaleContextHolder.getLocale());
    }

    /**
     * What an entry says, in the reader's words where the pages have them: "user=x; role=CITY" reads 用户：x；角色：市级承办人员.
     * A value without words (a user name, a request's path) stays as kept.
     */
    public String whatWords(String what) {
        if (what == null || what.isBlank()) {
            return "";
        }
        java.util.Locale locale = LocaleContextHolder.getLocale();
        boolean chinese = "zh".equals(locale.getLanguage());
        return java.util.Arrays.stream(what.split("; ")).map(part -> {
            int equals = part.indexOf('=');
            if (equals < 0) {
                return part;
            }
            String key = part.substring(0, equals);
            String value = part.substring(equals + 1);
            String valueWord = messages.getMessage("audit.value." + value.replace(' ', '-'), null, null, locale);
            if (valueWord == null && ("role".equals(key) || "roleBefore".equals(key))) {
                valueWord = messages.getMessage("role." + value, null, null, locale);
            }
            if (valueWord == null && "type".equals(key)) {
                valueWord = messages.getMessage("audit.value." + value.substring(value.lastIndexOf('.') + 1), null, null, locale);
            }
            return messages.getMessage("audit.what." + key, null, key, locale) + (chinese ? "：" : ": ")
                    + (valueWord == null ? value : valueWord);
        }).filter(part -> !part.isEmpty()).collect(java.util.stream.Collectors.joining(chinese ? "；" : "; "));
    }

    /** An action in the reader's words, or its name when it has none. */
    public String actionWord(String action) {
        return messages.getMessage("audit.action." + action, null, action, LocaleContextHolder.getLocale());
    }

    private String word(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private Instant moment(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String given = value.strip();
        try {
            if (given.length() == 10) {
                LocalDate day = LocalDate.parse(given);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(provinceZone).toInstant();
            }
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw DomainRuleViolation.invalid(field, "'" + given + "' is neither a day (2026-05-01) nor an instant"
                    + " (2026-05-01T08:00:00Z)").coded("auditNotAMoment", given);
        }
    }
}
