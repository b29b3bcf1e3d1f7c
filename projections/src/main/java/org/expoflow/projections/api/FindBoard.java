package org.expoflow.projections.api;

import java.time.Instant;

/**
 * The board of an expo as it stood at {@code asOf}; null asks for now. With a {@code size}, one page of its
 * directives: page {@code page} counted from the newest (0), each page in the board's order, oldest first.
 */
public record FindBoard(String expoId, Instant asOf, Integer page, Integer size) {

    public FindBoard(String expoId, Instant asOf) {
        this(expoId, asOf, null, null);
    }

    public boolean paged() {
        return size != null;
    }
}
