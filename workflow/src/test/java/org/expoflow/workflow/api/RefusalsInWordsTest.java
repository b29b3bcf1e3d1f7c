package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refusal reads as a sentence in the reader's language and names the field by its label, while the API keeps
 * the field's id: "展品清单（品名、企业、数量、尺寸、重量）：请填写此项。", not "field 'exhibitList' is not valid: required".
 */
@ExpoFlowTest
class RefusalsInWordsTest {

    @LocalServerPort
    int port;

    @Test
    void aRequiredFieldLeftEmptyIsNamedByItsLabelInTheReadersLanguage() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "panjin");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "ship-exhibits", "title", "Ship",
                "dueOn", "2030-02-01", "unitIds", List.of("panjin"))).field("id");
        ExpoFlowClient panjin = ExpoFlowClient.as("http://localhost:" + port, "panjin");
        String listExhibits = OsakaFixture.firstActiveTask(panjin, directiveId);

        ExpoFlowClient.Answer chinese = panjin.post("/api/tasks/{t}/complete", map(), listExhibits);
        ExpoFlowClient.Answer english = panjin.withHeader("Accept-Language", "en").post("/api/tasks/{t}/complete", map(), listExhibits);

        assertThat(chinese.status().value()).isEqualTo(400);
        assertThat(chinese.field("field")).isEqualTo("exhibitList");
        assertThat(chinese.field("detail")).isEqualTo("展品清单（品名、企业、数量、尺寸、重量）：请填写此项。");
        assertThat(english.field("field")).isEqualTo("exhibitList");
        assertThat(english.field("detail")).isEqualTo("Exhibit list (item, enterprise, quantity, size, weight): required.");
    }

    @Test
    void aStepAlreadyDoneAndAFigureTheKindDoesNotCollectAreSaidInWords() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "panjin"), "panjin");
        ExpoFlowClient panjin = ExpoFlowClient.as("http://localhost:" + port, "panjin");
        String draft = OsakaFixture.firstActiveTask(panjin, directiveId);

        ExpoFlowClient.Answer notCollected = panjin.post("/api/tasks/{t}/progress", map("percent", 10,
                "figures", map("exhibitsShipped", 3)), draft);
        assertThat(notCollected.field("field")).isEqualTo("figures.exhibitsShipped");
        assertThat(notCollected.field("detail")).isEqualTo("这项督办事项不报送“已发运展品（件）”。");
        assertThat(panjin.post("/api/tasks/{t}/complete", map(), draft).status().value()).isEqualTo(204);
        ExpoFlowClient.Answer done = panjin.post("/api/tasks/{t}/complete", map(), draft);
        assertThat(done.status().value()).isEqualTo(409);
        assertThat(done.field("detail")).isEqualTo("这一步已是“已完成”，不能再办理。");
    }

    @Test
    void theDomainsOwnRefusalsAreSaidInWordsToo() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "panjin"), "panjin");
        String draft = OsakaFixture.firstActiveTask(ExpoFlowClient.as("http://localhost:" + port, "panjin"), directiveId);

        ExpoFlowClient.Answer instruction = coordinator.post("/api/tasks/{t}/comments", map("text", "faster", "instruction", true), draft);
        assertThat(instruction.status().value()).isEqualTo(403);
        assertThat(instruction.field("detail")).isEqualTo("只有领导可以作出批示。");
        ExpoFlowClient.Answer earlier = coordinator.post("/api/tasks/{t}/extend", map("dueOn", "2030-01-20", "reason", "sooner"), draft);
        assertThat(earlier.status().value()).isEqualTo(400);
        assertThat(earlier.field("field")).isEqualTo("dueOn");
        assertThat(earlier.field("detail")).isEqualTo("延期后的期限须晚于现在的期限（2030-02-01 23:59）。");
        assertThat(coordinator.withHeader("Accept-Language", "en").post("/api/tasks/{t}/extend",
                map("dueOn", "2030-01-20", "reason", "sooner"), draft).field("detail"))
                .isEqualTo("An extension moves the deadline later than 2030-02-01 23:59.");
    }

    @Test
    void aDirectiveToAUnitNotEnrolledAndAnExpoClosingBeforeItOpensAreSaidInWords() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "panjin");

        ExpoFlowClient.Answer notEnrolled = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite", "dueOn", "2030-02-01", "unitIds", List.of("panjin", "tieling")));
        assertThat(notEnrolled.field("field")).isEqualTo("unitIds[1]");
        assertThat(notEnrolled.field("detail")).isEqualTo("“tieling”没有加入这个展会。");
        ExpoFlowClient.Answer backwards = coordinator.post("/api/expos", map("name", "Kobe", "venue", "Kobe",
                "opensOn", "2030-03-04", "closesOn", "2030-03-01"));
        assertThat(backwards.field("field")).isEqualTo("closesOn");
        assertThat(backwards.field("detail")).isEqualTo("闭幕日期不能早于开幕日期。");
    }
}
