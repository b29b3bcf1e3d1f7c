-- A unit's steps are counted in three parts (TaskListReadings.count): its own from task_view_unit_status, those of its
-- group that are another unit's from this index, which holds the step's unit too, so that PostgreSQL counts them from
-- the index alone (an index-only scan) rather than visiting each step's row (24 -> 3 ms for a unit's done steps at a
-- province's scale; docs/performance.md, "A province's morning").
drop index task_view_candidate_group;
create index task_view_candidate_group on task_view (candidate_group, status) include (unit_id);
