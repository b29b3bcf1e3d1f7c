package org.expoflow.projections.api;

/**
 * The first {@code size} steps of a list, filtered and sorted as {@link FindTasks} does, without counting the whole
 * list: for a page that shows a unit's few soonest due or latest steps and never how many there are (counting a
 * city's steps over a province's history was a fifth of a city page's time).
 */
public record FindFirstTasks(String expoId, String unitId, String status, int size, String sort) {
}
