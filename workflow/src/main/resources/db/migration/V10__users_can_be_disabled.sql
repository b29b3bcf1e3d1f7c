-- ADMIN disables the account of someone who left (PUT /api/admin/users/{username}/enabled); it signs in no more.
alter table expoflow_user add column enabled boolean default true not null;
