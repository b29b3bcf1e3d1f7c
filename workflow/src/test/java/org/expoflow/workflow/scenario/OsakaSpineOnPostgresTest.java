package org.expoflow.workflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.expoflow.workflow.PostgresTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The spine's story on PostgreSQL, the production store, whose stored events anyone can read. */
@PostgresTest
class OsakaSpineOnPostgresTest extends OsakaSpineScenario {

    @Test
    void storedEventsAreReadableJsonAndNoColumnIsALargeObject() throws Exception {
        ExpoFlowClient coordinator = as("coordinator");
        OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang");

        List<String> payloads = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry"
                + " where payload_type = 'org.expoflow.commands.api.DirectiveIssued'", String.class);
        assertThat(payloads).isNotEmpty();
        var directiveIssued = new ObjectMapper().readTree(payloads.get(payloads.size() - 1));
        assertThat(directiveIssued.path("kind").asText()).isEqualTo("invite-buyers");
        assertThat(directiveIssued.path("targets").path("buyersInvited").asInt()).isEqualTo(50);

        List<String> oidColumns = jdbc.queryForList("select table_name || '.' || column_name from information_schema.columns"
                + " where data_type = 'oid' and table_schema = current_schema()", String.class);
        assertThat(oidColumns).isEmpty();
    }

    @Test
    void storedEventsCanNeitherBeChangedNorRemoved() {
        ExpoFlowClient coordinator = as("coordinator");
        OsakaFixture.osakaWith(coordinator, "shenyang");
        long events = new EventStoreProbe(jdbc).count();

        assertThatThrownBy(() -> jdbc.update("update domain_event_entry set payload_type = 'forged'"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry"))
                .rootCause().hasMessageContaining("append-only");
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(events);
    }
}
