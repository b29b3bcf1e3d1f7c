-- A page of the board as it stood at an earlier instant reads the task versions of its directives only,
-- rather than every version of the expo valid then (tens of thousands for a province's expo).
create index task_version_directive_time on task_version (directive_id, valid_from);
