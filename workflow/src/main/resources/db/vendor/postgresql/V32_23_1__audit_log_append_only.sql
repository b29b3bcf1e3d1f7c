-- Nothing changes or removes an audit entry, whatever connects to the database, with one exception: the
-- retention job (audit.AuditRetention) removes entries older than the retention, and never younger than 180
-- days, in a transaction where it has set expoflow.audit_retention to 'on'.
create or replace function refuse_audit_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_table_name = 'audit_entry' then
        if current_setting('expoflow.audit_retention', true) = 'on' and old.occurred_at < now() - interval '180 days' then
            return old;
        end if;
    end if;
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function refuse_audit_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function refuse_audit_change();

-- and the rights to change or empty it are not given, to anyone (a superuser has them all the same: the trigger holds)
revoke update, truncate on audit_entry from public;
revoke update, truncate on audit_entry from current_user;
