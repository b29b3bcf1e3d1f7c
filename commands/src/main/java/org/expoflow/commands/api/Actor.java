package org.expoflow.commands.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who acts: a signed-in user with the groups they belong to (their unit id, {@code coordinator},
 * {@code leader}, {@code admin}), or the engine itself when a timer or an automatic step acts.
 */
public record Actor(String userId, Set<String> groups) {

    public static final String COORDINATOR = "coordinator";
    public static final String LEADER = "leader";
    public static final String ADMIN = "admin";
    private static final String ENGINE = "engine";

    public Actor {
        Objects.requireNonNull(userId, "userId");
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** The process engine acting on its own (timers, automatic steps, process ends). */
    public static Actor engine() {
        return new Actor(ENGINE, Set.of(ENGINE));
    }

    public boolean isEngine() {
        return groups.contains(ENGINE);
    }

    public boolean isCoordinator() {
        return groups.contains(COORDINATOR);
    }

    public boolean belongsTo(String group) {
        return groups.contains(group);
    }
}
