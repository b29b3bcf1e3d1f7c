-- Password rules (等保 2.0): a password expires, must be changed at first sign-in and after a reset, and may not be
-- one of the last five. A user's earlier hashes are kept to check the last; never the passwords.
alter table expoflow_user add column password_changed_at timestamp with time zone;
alter table expoflow_user add column must_change_password boolean default false not null;
-- users who were there before the rules: their passwords count from now
update expoflow_user set password_changed_at = current_timestamp;

create table password_history (
    username      varchar(64) not null,
    password_hash varchar(100) not null,
    set_at        timestamp with time zone not null
);

create index password_history_user on password_history (username, set_at);
