-- A rebuild that failed says why (ProjectionRebuild): it stays marked under way, since its read models are half
-- built, but no node takes it over again by itself, and the administrator and every query are told the reason.
alter table read_model_state add column failure varchar(2000);
