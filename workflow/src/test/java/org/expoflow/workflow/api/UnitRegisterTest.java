package org.expoflow.workflow.api;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** ADMIN keeps the register of units; coordinators enrol, and clerks belong to, registered units only. */
@ExpoFlowTest
class UnitRegisterTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void aRegisteredDepartmentCanBeEnrolledAndHaveClerks() {
        assertThat(as("admin").post("/api/admin/units", map("unitId", "provincial-customs", "name", "Provincial customs office",
                "kind", "DEPARTMENT")).status().value()).isEqualTo(201);
        assertThat(as("coordinator").get("/api/units").body().findValuesAsText("unitId")).contains("provincial-customs", "shenyang");

        String expoId = OsakaFixture.osakaWith(as("coordinator"));
        ExpoFlowClient.Answer enrolled = as("coordinator").post("/api/expos/{e}/units",
                map("unitId", "provincial-customs", "kind", "DEPARTMENT"), expoId);
        assertThat(enrolled.status().value()).isEqualTo(201);
        assertThat(as("coordinator").get("/api/expos/{e}", expoId).body().path("units").findValuesAsText("name"))
                .containsExactly("Provincial customs office");
        assertThat(as("security").post("/api/admin/users", map("username", "customs-clerk", "password", "Customs-Clerk-2030",
                "role", "CITY", "unitId", "provincial-customs")).status().value()).isEqualTo(201);
    }

    @Test
    void unregisteredUnitsAreRefusedNamingTheField() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"));
        long before = new EventStoreProbe(jdbc).count();

        ExpoFlowClient.Answer enrol = as("coordinator").post("/api/expos/{e}/units", map("unitId", "atlantis", "kind", "CITY"), expoId);
        assertThat(enrol.status().value()).isEqualTo(400);
        assertThat(enrol.field("field")).isEqualTo("unitId");
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(before);
        assertThat(as("security").post("/api/admin/users", map("username", "atlantis-clerk", "password", "Atlantis-Clerk-2030",
                "role", "CITY", "unitId", "atlantis")).field("field")).isEqualTo("unitId");
        assertThat(as("coordinator").post("/api/admin/units", map("unitId", "atlantis", "name", "Atlantis", "kind", "CITY"))
                .status().value()).isEqualTo(403);
        assertThat(as("admin").post("/api/admin/units", map("unitId", "shenyang", "name", "Shenyang", "kind", "CITY"))
                .status().value()).isEqualTo(409);
    }
}
