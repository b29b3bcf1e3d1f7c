-- The application nodes that are alive: each says so every few seconds, so that the nodes can share the
-- read-model segments between them (config.SegmentBalance). A row not renewed for a while is a dead node's.
create table cluster_node (
    node_id varchar(100) not null primary key,
    seen_at timestamp with time zone not null
);
