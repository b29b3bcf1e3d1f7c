package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A unit registered with its English name beside its own: the API keeps both, a Chinese page names it in Chinese
 * alone, an English page with both names (the official one stays in view), and a refused English name that is too
 * long is named at its field with nothing registered.
 */
@ExpoFlowTest
class UnitNamesInTheReadersLanguageTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void aUnitIsNamedInChineseOnChinesePagesAndWithItsEnglishNameOnEnglishOnes() throws Exception {
        assertThat(as("admin").post("/api/admin/units", map("unitId", "xinmin", "name", "新民市", "kind", "CITY",
                "englishName", "Xinmin")).status().value()).isEqualTo(201);
        assertThat(as("coordinator").get("/api/units").body().findParents("unitId").stream()
                .filter(unit -> unit.path("unitId").asText().equals("xinmin")).findFirst().orElseThrow()
                .path("englishName").asText()).isEqualTo("Xinmin");
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "xinmin");
        String directiveId = OsakaFixture.inviteBuyers(as("coordinator"), expoId, "xinmin");
        PageSession office = PageSession.signedIn("http://localhost:" + port, "coordinator");

        String chinese = office.get("/tasks?filter=open&directiveId=" + directiveId);
        assertThat(chinese).contains(">新民市</td>").doesNotContain("Xinmin");
        String english = office.get("/tasks?filter=open&lang=en&directiveId=" + directiveId);
        assertThat(english).contains(">新民市 Xinmin</td>");

        ExpoFlowClient.Answer tooLong = as("admin").post("/api/admin/units", map("unitId", "kangping", "name", "康平县",
                "kind", "CITY", "englishName", "K".repeat(301)));
        assertThat(tooLong.status().value()).isEqualTo(400);
        assertThat(tooLong.field("field")).isEqualTo("englishName");
        assertThat(as("coordinator").get("/api/units").body().findValuesAsText("unitId")).doesNotContain("kangping");
    }
}
