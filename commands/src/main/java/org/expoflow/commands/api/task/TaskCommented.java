package org.expoflow.commands.api.task;

import org.expoflow.commands.api.OfDirective;

/** A comment on a step, or a leader's instruction on it; never edited: a correction is a new comment. */
public record TaskCommented(String taskId, String directiveId, String unitId, String author, String text,
                            boolean instruction) implements OfDirective {
}
