-- The ranking of units (考核评分) counts each unit's chase-ups and returns in a month from its steps' history, by the
-- lines' type and time (UnitMonthQueries): found by them rather than by reading a province's every line of history.
create index task_history_type_time on task_history (type, occurred_at);
