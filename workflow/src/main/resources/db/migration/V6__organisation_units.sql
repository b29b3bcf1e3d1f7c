-- The province's cities and departments that can take part in expo preparations, kept by ADMIN.
create table organisation_unit (
    unit_id varchar(64) primary key,
    name    varchar(300) not null,
    kind    varchar(16) not null
);
