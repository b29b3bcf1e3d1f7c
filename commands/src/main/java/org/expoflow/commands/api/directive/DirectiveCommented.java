package org.expoflow.commands.api.directive;

import java.util.List;
import org.expoflow.commands.api.OfDirective;

/**
 * A comment on a directive, or a leader's instruction on it; never edited: a correction is a new comment.
 * {@code units}: the units on the directive when it was said (its leads and their co-operating units), who hear of
 * an instruction.
 */
public record DirectiveCommented(String directiveId, String expoId, String author, String text, boolean instruction,
                                 List<String> units) implements OfDirective {
}
