package org.expoflow.projections.api;

/**
 * A query asked while its read models are being rebuilt: rather than half-built numbers, the answer is
 * that a rebuild is under way, how far it has got ({@code position} of {@code head} events), and to ask
 * again shortly.
 */
public class ReadModelsRebuilding extends RuntimeException {

    private final long position;
    private final long head;
    private final String failure;

    public ReadModelsRebuilding(long position, long head) {
        this(position, head, null, "the read models are being rebuilt from the event store (" + Math.max(0, position + 1) + " of "
                + Math.max(0, head + 1) + " events): ask again in a few seconds");
    }

    private ReadModelsRebuilding(long position, long head, String failure, String message) {
        super(message);
        this.position = position;
        this.head = head;
        this.failure = failure;
    }

    /** The rebuild stopped on a failure: no answer until an administrator mends its cause and rebuilds again. */
    public static ReadModelsRebuilding failed(long position, long head, String failure) {
        return new ReadModelsRebuilding(position, head, failure, "the rebuild of the read models failed after " + Math.max(0, position + 1)
                + " of " + Math.max(0, head + 1) + " events (" + failure + "): an administrator has to mend the cause and"
                + " rebuild them again (POST /api/admin/projections/read-models/rebuild)");
    }

    public long position() {
        return position;
    }

    public long head() {
        return head;
    }

    /** Why the rebuild stopped, or null while it runs. */
    public String failure() {
        return failure;
    }
}
