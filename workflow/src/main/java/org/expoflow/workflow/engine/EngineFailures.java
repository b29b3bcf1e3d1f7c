package org.expoflow.workflow.engine;

import java.util.Optional;

/**
 * The port that tells what one of the engine's failures means for the request that met it, in the domain's terms: the
 * step taken by someone else first, changed by someone else at the same moment, or not there (never there, or no
 * longer open). Any other failure of the engine has no meaning for the caller.
 */
public interface EngineFailures {

    /** What {@code failure} itself means, not its causes; none when it is none of the engine's failures a caller meets. */
    Optional<Meaning> meaningOf(Throwable failure);

    sealed interface Meaning permits TakenBy, ChangedMeanwhile, NotThere {
    }

    /** Someone took the step first: {@code assignee}, who has it. */
    record TakenBy(String assignee) implements Meaning {
    }

    /** Someone else changed what the request changes, at the same moment: nothing of the request was written. */
    record ChangedMeanwhile() implements Meaning {
    }

    /** What the request names is not in the engine, or no longer open. */
    record NotThere() implements Meaning {
    }
}
