package org.expoflow.projections.api;

public record FindBoard(String expoId) {
}
