package org.expoflow.projections.api;

/**
 * The task list, filtered and paged. Every filter is optional; {@code status} is a task status or
 * {@code ACTIVE} (open or claimed); {@code sort} is {@code dueAt}, {@code assignedAt} or {@code unitId},
 * with a leading {@code -} for descending. A {@code size} of 0 asks for the count alone: a list's tab that shows how
 * many steps are done, not which.
 */
public record FindTasks(String expoId, String unitId, String status, String directiveId, Boolean overdue,
                        int page, int size, String sort) {
}
