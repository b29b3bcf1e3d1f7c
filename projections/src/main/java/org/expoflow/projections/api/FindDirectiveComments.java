package org.expoflow.projections.api;

import java.time.Instant;
import java.util.List;

/** A directive's own thread, oldest first: answered with {@link FindDirectiveComments.Thread}. */
public record FindDirectiveComments(String directiveId) {

    /** {@code title}: the directive's, null when there is no such directive. */
    public record Thread(String directiveId, String title, List<DirectiveComment> comments) {
    }

    /** One comment on a directive; with {@code instruction}, leadership's instruction to all its units. */
    public record DirectiveComment(Instant at, String author, String text, boolean instruction) {
    }
}
