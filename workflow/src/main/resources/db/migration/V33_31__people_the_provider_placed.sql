-- A person the province's identity provider or directory placed in the user list (at their first sign-in there),
-- as against ExpoFlow's own (local) accounts, whose password ExpoFlow keeps: the provider's sign-in may update the
-- former's role and unit, and never becomes or changes one of the latter. Those there already are ExpoFlow's own.
alter table expoflow_user add column placed_by_provider boolean default false not null;
