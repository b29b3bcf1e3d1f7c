-- What each unit's completed steps add to its statistics, kept as they complete (CompletedStepTallies): the
-- statistics of the present add them to the unit's few open steps instead of counting every completed step at each
-- request. At province scale an expo has ~53,000 completed unit steps and ~1,100 open ones; counting them all took
-- 25-60 ms in PostgreSQL (EXPLAIN ANALYZE, even a bare count per unit 29 ms), the statistics request p95 71-86 ms.
create table unit_step_tally (
    expo_id              varchar(64)    not null,
    unit_id              varchar(64)    not null,
    completed            integer        not null,
    on_time              integer        not null,
    late                 integer        not null,
    no_deadline          integer        not null,
    days_late            numeric(14, 1) not null,
    chase_ups            integer        not null,
    acknowledged         integer        not null,
    hours_to_acknowledge numeric(16, 2) not null,
    primary key (expo_id, unit_id)
);

-- the tallies of the steps completed so far (a rebuild counts them the same way)
insert into unit_step_tally (expo_id, unit_id, completed, on_time, late, no_deadline, days_late, chase_ups, acknowledged,
                             hours_to_acknowledge)
select expo_id, unit_id, count(*),
       sum(case when due_at is not null and closed_at <= due_at then 1 else 0 end),
       sum(case when due_at is not null and closed_at > due_at then 1 else 0 end),
       sum(case when due_at is null then 1 else 0 end),
       coalesce(sum(case when due_at is not null and closed_at > due_at
           then round(round(floor((extract(epoch from closed_at) - extract(epoch from due_at)) / 60) / 60, 2) / 24, 1) end), 0),
       sum(case when chased_up_at is not null then 1 else 0 end),
       sum(case when chased_up_at is not null and chase_up_acknowledged_at is not null then 1 else 0 end),
       coalesce(sum(case when chased_up_at is not null and chase_up_acknowledged_at is not null
           then round(floor((extract(epoch from chase_up_acknowledged_at) - extract(epoch from chased_up_at)) / 60) / 60, 2) end), 0)
from task_view
where status = 'COMPLETED' and supervised_task_id is null and candidate_group not in ('coordinator', 'leader')
group by expo_id, unit_id;
