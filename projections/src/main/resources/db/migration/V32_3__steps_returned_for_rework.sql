-- A unit's step done and then sent back by the office's review (its redo assigned with the review's reason) is no
-- longer done: the statistics, the trend and the unit-step counts leave it out from then on (TaskListProjection,
-- CompletedStepTallies). Kept with a step's versions, so the statistics as of an instant before the return still count
-- it. Rows written before this column came count as before until the read models are rebuilt.
alter table task_view add column reworked_at timestamp with time zone;
alter table task_version add column reworked_at timestamp with time zone;
