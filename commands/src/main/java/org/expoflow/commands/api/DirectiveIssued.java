package org.expoflow.commands.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

public record DirectiveIssued(String directiveId, String expoId, String kind, String title, String instructions,
                              LocalDate dueOn, Instant dueAt, List<String> unitIds,
                              Map<String, BigDecimal> targets, String meetingId) implements OfDirective {
}
