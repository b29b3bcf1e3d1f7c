-- A writer waits until every segment of the read models has passed its events (ProjectionCatchUp). A
-- segment that only skips an event (another segment's) stores its token without handling anything, so no
-- handler can announce it: the database announces every token that moves, to every node
-- (config.ProjectionProgress listens), in the transaction that moves it.
create or replace function announce_token_moved() returns trigger language plpgsql as $$
begin
    if new.token is distinct from old.token then
        perform pg_notify('expoflow_projections', '');
    end if;
    return new;
end
$$;

create trigger token_entry_moved
    after update on token_entry
    for each row execute function announce_token_moved();
