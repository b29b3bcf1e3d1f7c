-- A notice says what was true when it was sent: the step's deadline then (never today's, after an extension), and
-- the unit it was sent to, so that the office sees which unit read it and when (已读). Null for notices written before.
alter table notification add column due_at timestamp with time zone;
alter table notification add column unit_id varchar(64);
create index notification_of_task on notification (task_id, created_at);
