-- A unit's name for readers of English ("Shenyang"), beside the register's own name (沈阳市); optional.
alter table organisation_unit add column english_name varchar(300);
