-- where a person's notices are mailed, when ADMIN has set it
alter table expoflow_user add column email varchar(200);
