-- A directive may want each unit's progress report every so often until done (an ISO-8601 period, P7D, P1M),
-- and may name per lead unit the units co-operating on its task (协办, comma-separated): the board shows both.
alter table directive_view add column report_every varchar(20);
alter table directive_unit_view add column cooperating_units varchar(1000);
