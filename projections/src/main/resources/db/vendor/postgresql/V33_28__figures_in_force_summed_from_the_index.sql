-- The board and a city's page sum the figures in force by unit and figure (FiguresProjection.totals) at every visit:
-- with the unit, the figure and its value in the index that finds them, PostgreSQL sums them from the index alone (an
-- index-only scan) rather than from each version's row: 9.4 -> 5.6 ms for an expo of 15,000 versions in force
-- (EXPLAIN ANALYZE, province scale; docs/performance.md, "A province's morning").
drop index unit_figure_version_in_force;
create index unit_figure_version_in_force on unit_figure_version (expo_id) include (unit_id, figure, figure_value)
    where valid_to is null;
