-- Answers to POST/PUT requests sent with an Idempotency-Key, so that a retried request has its effect once.
create table idempotent_request (
    username            varchar(64) not null,
    idempotency_key     varchar(200) not null,
    request_fingerprint varchar(64) not null,
    status              integer,
    content_type        varchar(200),
    body                bytea,
    created_at          timestamp with time zone not null,
    primary key (username, idempotency_key)
);
