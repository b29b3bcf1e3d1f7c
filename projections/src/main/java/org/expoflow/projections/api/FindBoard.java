package org.expoflow.projections.api;

import java.time.Instant;

/**
 * The board of an expo as it stood at {@code asOf}; null asks for now. With a {@code size}, one page of its
 * directives: page {@code page} counted from the newest (0), each page in the board's order, oldest first.
 * With a {@code unitId}, the board as that unit may see it: only the directives issued to it or on which it
 * co-operates (a city learns nothing of what the others were told), counted and paged as such.
 */
public record FindBoard(String expoId, Instant asOf, Integer page, Integer size, String unitId) {

    public FindBoard(String expoId, Instant asOf) {
        this(expoId, asOf, null, null, null);
    }

    public FindBoard(String expoId, Instant asOf, Integer page, Integer size) {
        this(expoId, asOf, page, size, null);
    }

    public boolean paged() {
        return size != null;
    }
}
