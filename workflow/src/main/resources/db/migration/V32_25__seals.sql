-- Seals over the stored records: each seal covers the events, the engine's finished activity history and the audit
-- entries stored since the one before, by a digest per row (8 bytes each, in order) and a hash chained to the
-- previous seal's. Written by audit.Seals only, never on the write path; rows are only ever added.
create table audit_seal (
    seal_number     bigint primary key,
    sealed_at       timestamp with time zone not null,
    events_after    bigint not null,
    events_upto     bigint not null,
    history_after   timestamp with time zone not null,
    history_upto    timestamp with time zone not null,
    entries_after   bigint not null,
    entries_upto    bigint not null,
    event_digests   bytea not null,
    history_digests bytea not null,
    entry_digests   bytea not null,
    previous_hash   varchar(64) not null,
    hash            varchar(64) not null
);
