-- The board's trend, going on from the days it kept, reads the figure and step versions that went out of force since:
-- found by their end, it reads those few hundred instead of every version of the expo that came into force before, or a
-- look-up per version that came in since (docs/performance.md, "A province's morning").
create index unit_figure_version_expo_end on unit_figure_version (expo_id, valid_to);
create index task_version_expo_end on task_version (expo_id, valid_to);
