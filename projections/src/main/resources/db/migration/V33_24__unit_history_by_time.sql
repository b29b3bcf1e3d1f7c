-- A city's page shows its latest history lines: read from the newest back, keeping the unit's, it stops after a few
-- thousand lines instead of reading every line of the unit's steps and sorting them (docs/performance.md, "A province's morning").
create index task_history_time on task_history (occurred_at);
