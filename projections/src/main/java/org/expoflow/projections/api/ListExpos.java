package org.expoflow.projections.api;

public record ListExpos() {
}
