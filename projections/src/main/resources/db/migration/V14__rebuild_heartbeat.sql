-- When a rebuild last made progress: a rebuild marked under way that has not moved for a while lost its node
-- (killed mid-rebuild) and is taken over by another, instead of leaving every node answering 503.
alter table read_model_state add column progressed_at timestamp with time zone;
