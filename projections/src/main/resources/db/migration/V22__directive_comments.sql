-- A directive's own thread: comments on it as a whole and leadership's instructions (批示) to all its units.
create table directive_comment (
    comment_id   varchar(64) not null primary key,
    directive_id varchar(64) not null,
    expo_id      varchar(64) not null,
    at           timestamp with time zone not null,
    author       varchar(64) not null,
    text         varchar(2000) not null,
    instruction  boolean not null
);
create index directive_comment_of_directive on directive_comment (directive_id, at);
create index directive_comment_of_expo on directive_comment (expo_id, at);
