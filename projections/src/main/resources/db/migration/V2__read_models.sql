-- Read models kept by the projections. Every table here is rebuilt from the event store on replay.

create table expo_view (
    expo_id    varchar(64) primary key,
    name       varchar(300) not null,
    venue      varchar(300),
    opens_on   date,
    closes_on  date,
    planned_at timestamp with time zone not null
);

create table expo_unit_view (
    expo_id varchar(64) not null,
    unit_id varchar(64) not null,
    name    varchar(300) not null,
    kind    varchar(16) not null,
    primary key (expo_id, unit_id)
);

create table directive_view (
    directive_id varchar(64) primary key,
    expo_id      varchar(64) not null,
    kind         varchar(100) not null,
    title        varchar(300) not null,
    instructions varchar,
    due_on       date,
    due_at       timestamp with time zone not null,
    issued_at    timestamp with time zone not null,
    issued_by    varchar(100)
);
create index directive_view_expo on directive_view (expo_id);

create table directive_target (
    directive_id varchar(64) not null,
    figure       varchar(40) not null,
    target       numeric(24, 4) not null,
    primary key (directive_id, figure)
);

create table directive_unit_view (
    directive_id varchar(64) not null,
    unit_id      varchar(64) not null,
    expo_id      varchar(64) not null,
    finished_at  timestamp with time zone,
    primary key (directive_id, unit_id)
);

create table task_view (
    task_id             varchar(64) primary key,
    expo_id             varchar(64) not null,
    directive_id        varchar(64) not null,
    unit_id             varchar(64) not null,
    process_instance_id varchar(64),
    step_key            varchar(100) not null,
    step_name           varchar(300),
    candidate_group     varchar(64) not null,
    status              varchar(16) not null,
    assignee            varchar(100),
    due_at              timestamp with time zone,
    percent             integer not null default 0,
    latest_figures      varchar,
    latest_note         varchar,
    latest_problems     varchar,
    latest_suggestions  varchar,
    latest_report_at    timestamp with time zone,
    return_comment      varchar,
    decision            varchar(16),
    decision_comment    varchar,
    assigned_at         timestamp with time zone not null,
    closed_at           timestamp with time zone
);
create index task_view_directive_unit on task_view (directive_id, unit_id);
create index task_view_unit_status on task_view (unit_id, status);

create table task_history (
    task_id     varchar(64) not null,
    seq         integer not null,
    occurred_at timestamp with time zone not null,
    type        varchar(40) not null,
    actor       varchar(100),
    details     varchar,
    primary key (task_id, seq)
);

create table unit_figure (
    expo_id      varchar(64) not null,
    directive_id varchar(64) not null,
    unit_id      varchar(64) not null,
    figure       varchar(40) not null,
    figure_value numeric(24, 4) not null,
    reported_at  timestamp with time zone not null,
    primary key (directive_id, unit_id, figure)
);
create index unit_figure_expo on unit_figure (expo_id);
