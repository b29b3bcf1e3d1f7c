-- Each unit's cell on each directive, kept as its steps change (KeptBoardCells): the board of the present reads these
-- rather than every step of the expo. At province scale an expo has ~910 directives, ~13,600 cells and ~70,000 task
-- rows; the whole board read them all and took 0.7-0.9 s (docs/performance.md has the measurements with the cells).
create table board_cell (
    directive_id        varchar(64) not null,
    unit_id             varchar(64) not null,
    expo_id             varchar(64) not null,
    office_steps_open   integer not null,
    returned_open       integer not null,
    started             integer not null,
    open_percent        integer,
    any_percent         integer,
    last_report_at      timestamp with time zone,
    open_due_at         timestamp with time zone,
    open_due_soon_since timestamp with time zone,
    open_escalated      integer not null,
    returns             integer not null,
    last_completed_at   timestamp with time zone,
    primary key (directive_id, unit_id)
);
create index board_cell_expo on board_cell (expo_id);

-- the cells of the steps so far (a rebuild counts them the same way)
insert into board_cell (directive_id, unit_id, expo_id, office_steps_open, returned_open, started, open_percent, any_percent,
                        last_report_at, open_due_at, open_due_soon_since, open_escalated, returns, last_completed_at)
select directive_id, unit_id, max(expo_id),
       sum(case when candidate_group in ('coordinator', 'leader') and status in ('OPEN', 'CLAIMED') then 1 else 0 end),
       sum(case when candidate_group not in ('coordinator', 'leader') and status = 'OPEN' and return_comment is not null
           and latest_report_at is null then 1 else 0 end),
       sum(case when candidate_group not in ('coordinator', 'leader') and (status <> 'OPEN' or latest_report_at is not null)
           then 1 else 0 end),
       max(case when candidate_group not in ('coordinator', 'leader') and status in ('OPEN', 'CLAIMED') then percent end),
       max(case when candidate_group not in ('coordinator', 'leader') then percent end),
       max(case when candidate_group not in ('coordinator', 'leader') then latest_report_at end),
       min(case when candidate_group not in ('coordinator', 'leader') and status in ('OPEN', 'CLAIMED') then due_at end),
       min(case when candidate_group not in ('coordinator', 'leader') and status in ('OPEN', 'CLAIMED') then due_soon_since end),
       sum(case when candidate_group not in ('coordinator', 'leader') and status in ('OPEN', 'CLAIMED')
           and escalated_at is not null then 1 else 0 end),
       sum(case when candidate_group not in ('coordinator', 'leader') and return_comment is not null then 1 else 0 end),
       max(case when candidate_group not in ('coordinator', 'leader') and status = 'COMPLETED' then closed_at end)
from task_view
where supervised_task_id is null
group by directive_id, unit_id;
