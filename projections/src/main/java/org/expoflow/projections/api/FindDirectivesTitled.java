package org.expoflow.projections.api;

import java.time.Instant;
import java.util.List;

/**
 * The directives of an expo in force (not withdrawn) with a title, spaces around it aside: what issuing the same title
 * again would repeat. Answered with {@link FindDirectivesTitled.Found}, the earliest first.
 */
public record FindDirectivesTitled(String expoId, String title) {

    public record Found(List<Titled> directives) {
    }

    public record Titled(String directiveId, Instant issuedAt) {
    }
}
