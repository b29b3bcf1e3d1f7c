-- The board's trend, going on from the days it kept, reads the figure versions that went out of force since: found by
-- their end, it reads those few hundred instead of every version of the expo that came into force before
-- (docs/performance.md, "A province's morning").
create index unit_figure_version_expo_end on unit_figure_version (expo_id, valid_to);
