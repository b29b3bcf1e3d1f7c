-- What reaches people. A notification is one person's inbox line about a step; a delivery is a message to an
-- outside channel (a unit's group-robot webhook), written in the transaction of the event that caused it (an
-- outbox) and sent afterwards, retried with back-off until it is sent or given up, and kept as the record.
create table notification (
    id          varchar(36) not null primary key,
    recipient   varchar(64) not null,
    created_at  timestamp with time zone not null,
    kind        varchar(40) not null,
    task_id     varchar(64),
    note        varchar(2000),
    read_at     timestamp with time zone
);
create index notification_of_recipient on notification (recipient, created_at);

create table notification_delivery (
    id              varchar(36) not null primary key,
    channel         varchar(16) not null,
    target          varchar(500) not null,
    unit_id         varchar(64),
    kind            varchar(40) not null,
    task_id         varchar(64),
    note            varchar(2000),
    created_at      timestamp with time zone not null,
    state           varchar(16) not null,
    attempts        integer not null,
    next_attempt_at timestamp with time zone not null,
    claimed_at      timestamp with time zone,
    last_error      varchar(1000),
    sent_at         timestamp with time zone
);
create index notification_delivery_due on notification_delivery (state, next_attempt_at);

-- a unit's group robot (WeCom, DingTalk), set by ADMIN
create table unit_webhook (
    unit_id varchar(64) not null primary key,
    url     varchar(500) not null
);
