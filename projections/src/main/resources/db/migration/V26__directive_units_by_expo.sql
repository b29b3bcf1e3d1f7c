-- An expo's assignments (the board's cells, the figures' targets) read by expo rather than from every
-- expo's assignments: a province keeps its expos of past years in the same tables.
create index directive_unit_view_expo on directive_unit_view (expo_id);
