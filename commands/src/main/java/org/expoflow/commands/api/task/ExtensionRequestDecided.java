package org.expoflow.commands.api.task;

import java.time.Instant;
import org.expoflow.commands.api.OfDirective;

/**
 * The office approved or refused a unit's request for the deadline {@code requestedDueAt}; an approval is
 * followed by the {@link DeadlineExtended} it brings.
 */
public record ExtensionRequestDecided(String taskId, String directiveId, String unitId, String decidedBy, boolean approved,
                                      Instant requestedDueAt, String comment) implements OfDirective {
}
