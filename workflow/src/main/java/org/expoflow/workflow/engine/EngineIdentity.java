package org.expoflow.workflow.engine;

import java.util.List;

/**
 * The port through which ExpoFlow's people are known to the engine: who acts in it on this thread (so what they change
 * through any door carries their name, and a step of their group is theirs to take), and which of them the engine's
 * webapps admit as their administrators.
 */
public interface EngineIdentity {

    /** The person acts in the engine, with their groups, on this thread until the acting is closed. */
    Acting actAs(String username, List<String> groups);

    /** A person's acting in the engine, ended by {@link #close()}. */
    interface Acting extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The webapps (Cockpit, Tasklist, Admin) admit a signed-in person only if the engine knows them: the person becomes
     * one of the webapps' administrators, with an unusable password, so they sign in through ExpoFlow only. Idempotent,
     * and safe when two nodes start at once on an empty database.
     */
    void admitToTheWebapps(String username, String displayName);
}
