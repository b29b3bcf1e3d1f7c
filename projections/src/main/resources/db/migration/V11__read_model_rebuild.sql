-- Where the rebuild of a group of read models stands, for every node. While one runs, the group's live
-- projection leaves its tables to the rebuild and queries answer that a rebuild is under way (never the
-- half-built numbers); position and head say how far it has got.
create table read_model_state (
    processing_group varchar(100) primary key,
    rebuilding boolean not null,
    started_at timestamp with time zone,
    position bigint,
    head bigint
);
