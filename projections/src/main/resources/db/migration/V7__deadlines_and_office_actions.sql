-- Deadlines in force and their supervision; the office's actions on tasks and directives.
-- a chase-up and its acknowledgement name the step whose deadline they follow up
alter table task_view add column supervised_task_id varchar(64);
alter table task_view add column original_due_at timestamp with time zone;
alter table task_view add column due_soon_since timestamp with time zone;
alter table task_view add column overdue_since timestamp with time zone;
alter table task_view add column escalated_at timestamp with time zone;
alter table task_view add column chased_up_at timestamp with time zone;
alter table task_view add column chase_up_message varchar;
alter table task_view add column chase_up_acknowledged_at timestamp with time zone;
-- who else may act on a task: the units asked to co-operate on it (a JSON list for display, a table to filter by)
alter table task_view add column cooperating_units varchar;
create table task_cooperation (
    task_id varchar(64) not null,
    unit_id varchar(64) not null,
    primary key (task_id, unit_id)
);
create index task_cooperation_unit on task_cooperation (unit_id);
create index task_view_candidate_group on task_view (candidate_group, status);

alter table directive_view add column withdrawn_at timestamp with time zone;
alter table directive_view add column withdrawal_reason varchar;
