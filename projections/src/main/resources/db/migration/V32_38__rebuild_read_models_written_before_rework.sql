-- Read models written before V32_3 count a step done and then returned for rework as done (its reworked_at was never
-- set), in the statistics, the trend and the unit-step counts, until they are rebuilt. A database holding steps from
-- before V32_3, and not rebuilt since, is marked as a rebuild whose node has gone: a node takes it over within a minute
-- of starting (AbandonedRebuilds) and rebuilds the read models from the events; until then queries answer that a
-- rebuild is under way rather than the wrong numbers (ADR 0037). Flyway's own table says when V32_3 came.
update read_model_state set rebuilding = true, started_at = current_timestamp, progressed_at = timestamp '2000-01-01 00:00:00',
       position = -1, head = 0, failure = null
 where processing_group = 'read-models'
   and exists (select 1 from "flyway_schema_history" history, task_view
               where history."version" = '32.3' and task_view.assigned_at < history."installed_on"
                 and (read_model_state.started_at is null or read_model_state.started_at < history."installed_on"));
insert into read_model_state (processing_group, rebuilding, started_at, progressed_at, position, head)
select 'read-models', true, current_timestamp, timestamp '2000-01-01 00:00:00', -1, 0
  from "flyway_schema_history" history
 where history."version" = '32.3'
   and not exists (select 1 from read_model_state where processing_group = 'read-models')
   and exists (select 1 from task_view where task_view.assigned_at < history."installed_on");
