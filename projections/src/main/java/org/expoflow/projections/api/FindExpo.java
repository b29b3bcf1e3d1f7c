package org.expoflow.projections.api;

public record FindExpo(String expoId) {
}
