package org.expoflow.workflow.scenario;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the event store directly, as an auditor would: which events exist for an aggregate, in order. */
public record EventStoreProbe(JdbcTemplate jdbc) {

    public List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", String.class, aggregateId).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    public String metaDataOfLast(String aggregateId) {
        List<byte[]> rows = jdbc.query("select meta_data from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number desc", (rs, n) -> rs.getBytes(1), aggregateId);
        return new String(rows.get(0), StandardCharsets.UTF_8);
    }
}
