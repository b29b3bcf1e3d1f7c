-- A reported figure closes the open version of the same figure of the same unit and directive: found by
-- this index instead of by reading every figure version (the province-scale run's thread samples showed that
-- scan growing with the table, in live writes and in a rebuild alike).
create index unit_figure_version_figure on unit_figure_version (directive_id, unit_id, figure);

-- an expo's tasks by status (the office's lists) without reading every task of the province
create index task_view_expo_status on task_view (expo_id, status);
