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

    @Test
    void adminRenamesAUnitAndMovesItInTheRegistersOrderWhichEveryListFollows() {
        assertThat(as("admin").post("/api/admin/units", map("unitId", "port-authority", "name", "省港口集团", "kind", "DEPARTMENT",
                "position", 1)).status().value()).isEqualTo(201);
        assertThat(as("coordinator").get("/api/units").body().get(0).path("unitId").asText()).isEqualTo("port-authority");

        ExpoFlowClient.Answer moved = as("admin").put("/api/admin/units/{u}", map("name", "辽港集团", "englishName", "Liaoning Port Group",
                "position", 3), "port-authority");
        assertThat(moved.status().value()).isEqualTo(200);
        assertThat(moved.field("englishName")).isEqualTo("Liaoning Port Group");
        var units = as("coordinator").get("/api/units").body().findValuesAsText("unitId");
        assertThat(units.subList(0, 3)).containsExactly("shenyang", "dalian", "port-authority");
        assertThat(units).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(distinct register_order) from organisation_unit", Integer.class))
                .as("every unit its own place").isEqualTo(units.size());
        // back to the end, where the other tests expect a unit they did not register
        assertThat(as("admin").put("/api/admin/units/{u}", map("name", "辽港集团", "position", units.size()), "port-authority")
                .status().value()).isEqualTo(200);
        assertThat(as("coordinator").get("/api/units").body().findValuesAsText("unitId")).last().isEqualTo("port-authority");
    }

    @Test
    void aUnitsRulesAreTheSameOnTheApiAndTellEachFieldInTheReadersLanguage() {
        int before = jdbc.queryForObject("select count(*) from organisation_unit", Integer.class);
        ExpoFlowClient.Answer chinese = as("admin").withHeader("Accept-Language", "zh-CN").post("/api/admin/units",
                map("unitId", "Port Authority", "name", ""));
        assertThat(chinese.status().value()).isEqualTo(400);
        assertThat(chinese.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("unitId", "name", "kind");
        assertThat(chinese.body().path("errors").findValuesAsText("detail")).anySatisfy(detail -> assertThat(detail)
                .startsWith("单位编号：").contains("小写英文字母")).anySatisfy(detail -> assertThat(detail).startsWith("类别"));
        ExpoFlowClient.Answer english = as("admin").withHeader("Accept-Language", "en").post("/api/admin/units",
                map("unitId", "Port Authority", "name", "Port", "kind", "CITY"));
        assertThat(english.field("field")).isEqualTo("unitId");
        assertThat(english.field("detail")).startsWith("Unit id").contains("lower-case letters");
        ExpoFlowClient.Answer beyond = as("admin").withHeader("Accept-Language", "zh-CN").put("/api/admin/units/{u}",
                map("name", "大连市", "position", 999), "dalian");
        assertThat(beyond.status().value()).isEqualTo(400);
        assertThat(beyond.field("field")).isEqualTo("position");
        assertThat(beyond.field("detail")).contains("排列顺序应在 1 到");
        assertThat(as("admin").put("/api/admin/units/{u}", map("name", "亚特兰蒂斯"), "atlantis").status().value()).isEqualTo(404);
        assertThat(as("coordinator").put("/api/admin/units/{u}", map("name", "大连"), "dalian").status().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from organisation_unit", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select name from organisation_unit where unit_id = 'dalian'", String.class)).isEqualTo("大连市");
    }
}
