-- The version of the kind a step's process runs on: its form is read from it without asking the engine's history.
alter table task_view add column process_definition_id varchar(64);
alter table task_version add column process_definition_id varchar(64);
