package org.expoflow.workflow.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set when {@link ParseProbe} is loaded; read without loading it. */
final class ParseProbeWitness {

    static final AtomicBoolean LOADED = new AtomicBoolean();

    private ParseProbeWitness() {
    }
}
