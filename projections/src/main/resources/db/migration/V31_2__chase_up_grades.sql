-- The grade of a step's latest chase-up: URGE (催办, a reminder), SUPERVISE (督办) or NOTIFY (通报, named in the next
-- meeting's brief). Every chase-up recorded before grades were kept was a 督办.
alter table task_view add column chase_up_grade varchar(16);
alter table task_version add column chase_up_grade varchar(16);
update task_view set chase_up_grade = 'SUPERVISE' where chased_up_at is not null;
update task_version set chase_up_grade = 'SUPERVISE' where chased_up_at is not null;
