package org.expoflow.projections.api;

public record FindFigures(String expoId) {
}
