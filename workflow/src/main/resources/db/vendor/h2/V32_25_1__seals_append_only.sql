-- A seal, once written, stays as it was (audit.AppendOnlyTrigger, as for the audit entries).
create trigger audit_seal_no_update_or_delete
    before update, delete on audit_seal
    for each row call 'org.expoflow.workflow.audit.AppendOnlyTrigger';
