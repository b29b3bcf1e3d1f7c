-- The weights the office scores an expo's units by (考核评分), as it last set them on the ranking page; an expo without
-- a row is scored by the configured defaults (expoflow.ranking.weights.*). Office settings, not a read model: no
-- rebuild touches them. Each change is also in the security audit log, with the weights before and after.
create table ranking_weights (
    expo_id            varchar(64)              not null primary key,
    weight_on_time     numeric(5, 2)            not null,
    weight_days_late   numeric(5, 2)            not null,
    weight_chase_ups   numeric(5, 2)            not null,
    weight_returns     numeric(5, 2)            not null,
    weight_reports     numeric(5, 2)            not null,
    weight_figures     numeric(5, 2)            not null,
    changed_by         varchar(200)             not null,
    changed_at         timestamp with time zone not null
);
