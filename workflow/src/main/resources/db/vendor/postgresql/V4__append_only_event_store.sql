-- Stored events are the evidence of a province's preparation: on PostgreSQL nothing may change or
-- remove one, whatever connects to the database.
create or replace function refuse_stored_event_change() returns trigger language plpgsql as $$
begin
    raise exception 'domain_event_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger domain_event_entry_no_update_or_delete
    before update or delete on domain_event_entry
    for each row execute function refuse_stored_event_change();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function refuse_stored_event_change();
