-- The people who sign in. Passwords are bcrypt hashes; unit_id is set for CITY users only.
create table expoflow_user (
    username      varchar(64) primary key,
    password_hash varchar(100) not null,
    role          varchar(16) not null,
    unit_id       varchar(64),
    display_name  varchar(200)
);
