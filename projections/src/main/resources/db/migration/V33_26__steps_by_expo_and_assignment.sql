-- A city's page lists its latest steps whatever their state (the returns and chase-ups since done): the newest of the
-- expo's steps walked back from its latest assignment, rather than every step of the unit's history read and sorted
-- (26 -> 1.4 ms at a province's scale; docs/performance.md, "A province's morning"). Neither column changes once a
-- step is assigned, so a step's updates stay heap-only.
create index task_view_expo_assigned on task_view (expo_id, assigned_at);
