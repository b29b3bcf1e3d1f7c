-- The embedded database's counterpart of PostgreSQL's trigger: audit.AppendOnlyTrigger refuses every UPDATE and
-- DELETE, but the retention job's deletion of entries older than 180 days in a session where it has set
-- @expoflow_audit_retention.
create trigger audit_entry_no_update_or_delete
    before update, delete on audit_entry
    for each row call 'org.expoflow.workflow.audit.AppendOnlyTrigger';
