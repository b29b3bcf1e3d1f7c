package org.expoflow.workflow.audit;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Seals over the stored records: a stored event altered behind the application's back (a plain UPDATE on the
 * embedded database, where no trigger guards the events) is named by the check, with its seal; the nightly check
 * raises the gauge; once the event is as it was, the chain holds again.
 */
@ExpoFlowTest
class SealsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Seals seals;

    @Test
    void anEventAlteredBehindTheApplicationsBackIsNamedByTheCheck() {
        // settled a few seconds ago, as the job seals them, so no event of a transaction still open is passed over; a node
        // just started (this test alone) has stored nothing that old yet, and the seal waits for it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> {
                    seals.seal(Instant.now().minusSeconds(3));
                    return jdbc.queryForObject("select count(*) from audit_seal where length(history_digests) > 0", Integer.class) > 0;
                });
        ExpoFlowClient auditor = ExpoFlowClient.as("http://localhost:" + port, "auditor");
        Answer holds = auditor.get("/api/audit/seals/check");
        assertThat(holds.status().value()).isEqualTo(200);
        assertThat(holds.body().path("holds").asBoolean()).as(holds.body().toString()).isTrue();
        assertThat(holds.body().path("seals").asInt()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from audit_seal where length(history_digests) > 0", Integer.class))
                .as("the engine's finished activities are sealed too").isPositive();

        long sealed = jdbc.queryForObject("select max(events_upto) from audit_seal", Long.class);
        long altered = jdbc.queryForObject("select max(global_index) from domain_event_entry where global_index <= ?"
                + " and global_index > (select min(events_after) from audit_seal)", Long.class, sealed);
        byte[] payload = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class, altered);
        String original = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        // one digit changed to another: a digit replaced by itself (a "9" made "9") altered nothing, and the check held
        java.util.regex.Matcher digit = java.util.regex.Pattern.compile("\\d").matcher(original);
        assertThat(digit.find()).as("the stored event has a digit to alter").isTrue();
        String forged = original.substring(0, digit.start()) + (char) ('0' + (original.charAt(digit.start()) - '0' + 1) % 10)
                + original.substring(digit.end());
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                forged.getBytes(java.nio.charset.StandardCharsets.UTF_8), altered);
        try {
            Answer broken = auditor.get("/api/audit/seals/check");
            assertThat(broken.body().path("holds").asBoolean()).isFalse();
            assertThat(broken.body().path("fault").path("table").asText()).isEqualTo("domain_event_entry");
            assertThat(broken.body().path("fault").path("row").asText()).isEqualTo("global_index " + altered);
            assertThat(broken.body().path("fault").path("problem").asText()).isEqualTo("altered");

            seals.nightlyCheck();
            assertThat(scrape()).contains("expoflow_audit_seals_broken 1.0");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", payload, altered);
        }
        assertThat(auditor.get("/api/audit/seals/check").body().path("holds").asBoolean()).isTrue();
        seals.nightlyCheck();
        assertThat(scrape()).contains("expoflow_audit_seals_broken 0.0");
    }

    private String scrape() {
        return TestClients.rest("http://localhost:" + port).get().uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + ExpoFlowTest.SCRAPE_TOKEN).retrieve().body(String.class);
    }
}
