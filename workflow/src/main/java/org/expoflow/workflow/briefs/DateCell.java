package org.expoflow.workflow.briefs;

import java.time.LocalDateTime;

/**
 * A date (or a date and time) in a table: printed as {@code text} says it (2026年12月7日), and in a spreadsheet a date
 * cell holding {@code at} in the province's time, shown in {@code excelFormat}, so that it sorts and filters as a date.
 */
public record DateCell(LocalDateTime at, String text, String excelFormat) {

    @Override
    public String toString() {
        return text;
    }
}
