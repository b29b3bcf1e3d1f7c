-- A unit's request for a later deadline (延期申请) waiting for the office's decision: the date asked, the reason,
-- when it was asked. Kept with a step's versions, so a brief as of a past instant shows what was waiting then.
alter table task_view add column extension_due_at timestamp with time zone;
alter table task_view add column extension_reason varchar(2000);
alter table task_view add column extension_requested_at timestamp with time zone;
alter table task_version add column extension_due_at timestamp with time zone;
alter table task_version add column extension_reason varchar(2000);
alter table task_version add column extension_requested_at timestamp with time zone;
