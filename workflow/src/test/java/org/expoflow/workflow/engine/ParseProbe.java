package org.expoflow.workflow.engine;

/**
 * A class a refused model names as its form handler: loading it marks {@link ParseProbeWitness}, so a test
 * sees whether the engine's parser ever loaded it.
 */
public class ParseProbe {

    static {
        ParseProbeWitness.LOADED.set(true);
    }
}
