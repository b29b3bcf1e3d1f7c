package org.expoflow.projections.support;

import java.util.List;

/**
 * A projection whose rows go through a {@link ReadModelWrites}. The bean in the read models' group writes
 * live; a rebuild runs the same handlers on a copy of it that writes through the rebuild's writer, into tables
 * of its own beside the live ones ({@link RebuildTables}).
 */
public interface ReadModelProjection {

    /** This projection, its rows written through {@code writes}. */
    Object writingThrough(ReadModelWrites writes);

    /** The tables this projection alone writes: a rebuild fills new ones like them and puts them in their place. */
    List<String> tables();
}
