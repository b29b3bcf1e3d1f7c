package org.expoflow.projections.api;

/**
 * A query asked while its read models are being rebuilt: rather than half-built numbers, the answer is
 * that a rebuild is under way, how far it has got ({@code position} of {@code head} events), and to ask
 * again shortly.
 */
public class ReadModelsRebuilding extends RuntimeException {

    private final long position;
    private final long head;

    public ReadModelsRebuilding(long position, long head) {
        super("the read models are being rebuilt from the event store (" + Math.max(0, position + 1) + " of "
                + Math.max(0, head + 1) + " events): ask again in a few seconds");
        this.position = position;
        this.head = head;
    }

    public long position() {
        return position;
    }

    public long head() {
        return head;
    }
}
