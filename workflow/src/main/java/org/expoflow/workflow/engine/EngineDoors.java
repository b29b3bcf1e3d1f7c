package org.expoflow.workflow.engine;

/**
 * Where the engine's REST API answers: its own door, and the webapps' copy that Cockpit, Tasklist and Admin call.
 * Security opens them by allow-list, the shared HTTP support gives them the reader's language.
 */
public final class EngineDoors {

    public static final String ENGINE_REST = "/engine-rest";
    /** The webapps' copy of the engine's REST API, which Cockpit, Tasklist and Admin call. */
    public static final String WEBAPPS_ENGINE = "/camunda/api/engine";

    private EngineDoors() {
    }
}
