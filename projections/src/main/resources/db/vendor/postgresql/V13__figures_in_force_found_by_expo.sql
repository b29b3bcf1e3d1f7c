-- The figures in force now (the versions not yet replaced) of an expo, without reading the expo's every
-- version: the province-scale run's figures query read some 160,000 versions per expo to sum 30,000.
-- PostgreSQL only (a partial index); on H2 the same query reads the versions.
create index unit_figure_version_in_force on unit_figure_version (expo_id) where valid_to is null;
