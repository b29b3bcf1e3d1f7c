-- The statistics count an expo's unit steps now, per unit, in the database (TaskReadings.unitStepTalliesNow).
-- With every column they look at in the index that finds an expo's tasks, PostgreSQL counts them from the index
-- alone (an index-only scan) rather than from the wide task rows: 60 -> 42 ms for an expo of 66,000 tasks
-- (EXPLAIN ANALYZE, province scale). The index is the one an expo's tasks by status were found by, wider.
drop index task_view_expo_status;
create index task_view_expo_status on task_view (expo_id, status)
    include (unit_id, due_at, closed_at, chased_up_at, chase_up_acknowledged_at, supervised_task_id, candidate_group);
