-- The read models have one mode, projected in the writer's transaction
-- (docs/adr/0001-read-models-in-the-writers-transaction.md): no tracking processor stores a token, and the
-- nodes share no segments. V1's token_entry and V15's cluster_node are unused; they go (on PostgreSQL
-- V16's trigger goes with token_entry, its function with V31).
drop table cluster_node;
drop table token_entry;
