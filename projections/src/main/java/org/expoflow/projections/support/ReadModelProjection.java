package org.expoflow.projections.support;

/**
 * A projection whose rows go through a {@link ReadModelWrites}. The bean in the read models' group writes
 * live; a rebuild runs the same handlers on a copy of it that writes through the rebuild's writer.
 */
public interface ReadModelProjection {

    /** This projection, its rows written through {@code writes}. */
    Object writingThrough(ReadModelWrites writes);
}
