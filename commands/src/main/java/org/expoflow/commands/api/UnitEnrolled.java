package org.expoflow.commands.api;

public record UnitEnrolled(String expoId, String unitId, String name, UnitKind kind) {
}
