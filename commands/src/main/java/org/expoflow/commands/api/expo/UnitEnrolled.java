package org.expoflow.commands.api.expo;

public record UnitEnrolled(String expoId, String unitId, String name, UnitKind kind) {
}
