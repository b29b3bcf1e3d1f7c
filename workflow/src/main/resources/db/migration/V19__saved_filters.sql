-- A list's filters a user saved under a name to open the list again; shared_with names a role whose users all
-- see it too (null: the owner's alone). parameters: the list's query parameters, as JSON.
create table saved_filter (
    id          varchar(36) not null primary key,
    owner       varchar(64) not null,
    name        varchar(100) not null,
    list        varchar(20) not null,
    parameters  varchar(4000) not null,
    shared_with varchar(20),
    created_at  timestamp with time zone not null,
    constraint saved_filter_named_once unique (owner, list, name)
);
create index saved_filter_shared on saved_filter (shared_with);
