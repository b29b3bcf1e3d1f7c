-- As-of answers: every version of a task row and of a unit's figure, valid from the event that made it
-- until the next one (valid_to null: still in force). An as-of board reads the versions valid at that
-- instant instead of replaying events.
create table task_version (
    task_id                  varchar(64) not null,
    version                  integer not null,
    valid_from               timestamp with time zone not null,
    valid_to                 timestamp with time zone,
    expo_id                  varchar(64) not null,
    directive_id             varchar(64) not null,
    unit_id                  varchar(64) not null,
    step_key                 varchar(100) not null,
    step_name                varchar(300),
    candidate_group          varchar(64) not null,
    status                   varchar(16) not null,
    assignee                 varchar(100),
    due_at                   timestamp with time zone,
    percent                  integer not null,
    latest_figures           varchar,
    latest_report_at         timestamp with time zone,
    return_comment           varchar,
    assigned_at              timestamp with time zone not null,
    closed_at                timestamp with time zone,
    original_due_at          timestamp with time zone,
    due_soon_since           timestamp with time zone,
    overdue_since            timestamp with time zone,
    escalated_at             timestamp with time zone,
    chased_up_at             timestamp with time zone,
    chase_up_message         varchar,
    chase_up_acknowledged_at timestamp with time zone,
    cooperating_units        varchar,
    supervised_task_id       varchar(64),
    primary key (task_id, version)
);
create index task_version_expo_time on task_version (expo_id, valid_from, valid_to);

create table unit_figure_version (
    expo_id      varchar(64) not null,
    directive_id varchar(64) not null,
    unit_id      varchar(64) not null,
    figure       varchar(40) not null,
    figure_value numeric(24, 4) not null,
    valid_from   timestamp with time zone not null,
    valid_to     timestamp with time zone
);
create index unit_figure_version_expo_time on unit_figure_version (expo_id, valid_from, valid_to);

alter table expo_unit_view add column enrolled_at timestamp with time zone;
alter table directive_view add column meeting_id varchar(64);

create table meeting_view (
    meeting_id varchar(64) primary key,
    expo_id    varchar(64) not null,
    title      varchar(300) not null,
    held_at    timestamp with time zone not null,
    as_of      timestamp with time zone not null,
    closed_at  timestamp with time zone
);
create index meeting_view_expo on meeting_view (expo_id, as_of);

create table meeting_report (
    meeting_id  varchar(64) not null,
    seq         integer not null,
    unit_id     varchar(64) not null,
    progress    varchar,
    problems    varchar,
    suggestions varchar,
    primary key (meeting_id, seq)
);

create table meeting_decision (
    meeting_id    varchar(64) not null,
    decision_id   varchar(64) not null,
    seq           integer not null,
    text          varchar not null,
    directive_ids varchar,
    primary key (meeting_id, decision_id)
);
