-- A seal, once written, stays as it was.
create trigger audit_seal_no_update_or_delete
    before update or delete on audit_seal
    for each row execute function refuse_audit_change();

create trigger audit_seal_no_truncate
    before truncate on audit_seal
    for each statement execute function refuse_audit_change();

revoke update, truncate on audit_seal from public;
revoke update, truncate on audit_seal from current_user;
