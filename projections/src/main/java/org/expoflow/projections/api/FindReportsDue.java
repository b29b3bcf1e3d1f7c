package org.expoflow.projections.api;

import java.time.Instant;

/**
 * The progress reports units owe at {@code asOf} on directives that want one every so often: answered with
 * {@link ReportsDue}, one item per unit and directive still open for it whose next report is due by then.
 */
public record FindReportsDue(Instant asOf) {
}
