-- Figures are answered from their versions (unit_figure_version) at any instant, now included; the table
-- of latest values is no longer read.
drop table unit_figure;
