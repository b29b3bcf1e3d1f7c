-- The reminders sent about a step's deadline, one row per tier reached (before:P7D, overdue:2 ...) and per
-- deadline in force: the key makes a tier remind once however many nodes look, and an extended deadline
-- starts its tiers again.
create table task_reminder (
    task_id     varchar(64) not null,
    due_at      timestamp with time zone not null,
    tier        varchar(40) not null,
    reminded_at timestamp with time zone not null,
    primary key (task_id, due_at, tier)
);
