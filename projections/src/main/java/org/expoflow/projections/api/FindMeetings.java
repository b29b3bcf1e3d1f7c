package org.expoflow.projections.api;

/** The meetings of an expo, in the order they were held. */
public record FindMeetings(String expoId) {
}
