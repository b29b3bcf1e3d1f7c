package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Numbers the office and leadership can hold to: a unit's statistics count its own steps in force (work returned for
 * rework is not done), a directive is withdrawn from its own page with its reason kept, a title issued twice in one
 * expo is asked about first, and a refusal speaks of the thing refused.
 */
@ExpoFlowTest
class NumbersThatHoldTest {

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    private ExpoFlowClient as(String user) {
        return ExpoFlowClient.as(base(), user).withHeader("Accept-Language", "zh-CN");
    }

    /** The unit's three steps of inviting buyers, done. */
    private void threeStepsDone(ExpoFlowClient unit, String directiveId) {
        unit.post("/api/tasks/{t}/complete", map("values", map("invitationList", "神户钢材贸易商")),
                OsakaFixture.firstActiveTask(unit, directiveId));
        unit.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 42)), OsakaFixture.firstActiveTask(unit, directiveId));
        assertThat(unit.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 25)),
                OsakaFixture.firstActiveTask(unit, directiveId)).status().value()).isEqualTo(204);
    }

    private static String invite(ExpoFlowClient coordinator, String expoId, String title, String... units) {
        return coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", title,
                "dueOn", "2030-02-01", "unitIds", List.of(units))).field("id");
    }

    private static JsonNode unit(JsonNode statistics, String unitId) {
        for (JsonNode unit : statistics.path("units")) {
            if (unit.path("unitId").asText().equals(unitId)) {
                return unit;
            }
        }
        throw new AssertionError("no statistics of " + unitId + " in " + statistics);
    }

    private String reviewOf(String directiveId, String unitId) {
        for (JsonNode task : as("coordinator").get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId).body().path("items")) {
            if (task.path("unitId").asText().equals(unitId) && task.path("candidateGroup").asText().equals("coordinator")) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no review of " + unitId);
    }

    @Test
    void workReturnedForReworkIsNoLongerDoneInTheUnitsStatisticsAndTheReviewNeverIs() {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "anshan", "fushun");
        String directiveId = invite(coordinator, expoId, "邀请鞍山抚顺采购商", "anshan", "fushun");
        threeStepsDone(as("anshan"), directiveId);
        threeStepsDone(as("fushun"), directiveId);
        JsonNode submitted = coordinator.get("/api/expos/{e}/statistics", expoId).body();
        assertThat(unit(submitted, "anshan").path("completed").asInt()).as("the review waiting is not Anshan's step").isEqualTo(3);
        assertThat(unit(submitted, "anshan").path("steps").asInt()).isEqualTo(3);

        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "名单太少"),
                reviewOf(directiveId, "anshan")).status().value()).isEqualTo(204);
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "RETURN", "comment", "到会人数不符",
                "returnTo", "confirmBuyers"), reviewOf(directiveId, "fushun")).status().value()).isEqualTo(204);

        JsonNode returned = as("leader").get("/api/expos/{e}/statistics", expoId).body();
        assertThat(unit(returned, "anshan").path("completed").asInt()).as("all three returned with the work").isZero();
        assertThat(unit(returned, "anshan").path("steps").asInt()).as("the redo in their place").isEqualTo(1);
        assertThat(unit(returned, "anshan").path("completionRate").decimalValue().signum()).isZero();
        assertThat(unit(returned, "fushun").path("completed").asInt()).as("returned to its third step: two stay done")
                .isEqualTo(2);
        assertThat(unit(returned, "fushun").path("steps").asInt()).isEqualTo(3);
        JsonNode beforeReturn = as("leader").get("/api/expos/{e}/statistics?asOf={at}", expoId,
                submitted.path("asOf").asText()).body();
        assertThat(unit(beforeReturn, "anshan").path("completed").asInt()).as("as of before the return").isEqualTo(3);
    }

    @Test
    void aDirectiveIsWithdrawnFromItsPageAfterAConfirmationNamingTheUnitsItReachesAndItsReasonIsKept() throws Exception {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian", "tieling");
        String directiveId = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "邀请大阪采购商", "dueOn", "2030-02-01", "unitIds", List.of("shenyang", "dalian", "tieling"))).field("id");
        threeStepsDone(as("shenyang"), directiveId);
        assertThat(coordinator.post("/api/tasks/{t}/complete", map("decision", "APPROVE"), reviewOf(directiveId, "shenyang"))
                .status().value()).isEqualTo(204);
        String dalianStep = OsakaFixture.firstActiveTask(as("dalian"), directiveId);

        PageSession office = PageSession.signedIn(base(), "coordinator");
        String page = office.get("/directives/" + directiveId);
        assertThat(page).contains("邀请大阪采购商").contains("id=\"withdrawConfirm\"")
                .contains("撤回后，2 个单位（大连市、铁岭市）尚未完成的工作将随之结束；已完成的 1 个单位不受影响。")
                .contains("确认撤回（2 个单位）");
        String refused = office.post("/directives/" + directiveId, "/directives/" + directiveId + "/withdraw", "reason", " ");
        assertThat(refused).contains("撤回原因").contains("aria-invalid=\"true\"");
        JsonNode notWithdrawn = coordinator.get("/api/directives/{d}", directiveId).body();
        assertThat(notWithdrawn.path("withdrawnAt").isMissingNode() || notWithdrawn.path("withdrawnAt").isNull())
                .as("nothing written: %s", notWithdrawn).isTrue();
        assertThat(notWithdrawn.path("title").asText()).isEqualTo("邀请大阪采购商");
        ExpoFlowClient.Answer noReason = coordinator.post("/api/directives/{d}/withdraw", map("reason", ""), directiveId);
        assertThat(noReason.status().value()).isEqualTo(400);
        assertThat(noReason.field("field")).isEqualTo("reason");
        assertThat(noReason.field("detail")).startsWith("撤回原因");
        assertThat(as("leader").post("/api/directives/{d}/withdraw", map("reason", "重复"), directiveId).status().value())
                .isEqualTo(403);
        assertThat(as("dalian").get("/api/directives/{d}", directiveId).status().value()).isEqualTo(403);

        String withdrawn = office.post("/directives/" + directiveId, "/directives/" + directiveId + "/withdraw",
                "reason", "与关西采购商洽谈会合并办理");
        assertThat(withdrawn).contains("督办事项已撤回").contains("与关西采购商洽谈会合并办理")
                .contains("撤回时 2 个单位尚未完成的工作随之结束").doesNotContain("id=\"withdrawConfirm\"");
        JsonNode directive = as("leader").get("/api/directives/{d}", directiveId).body();
        assertThat(directive.path("withdrawalReason").asText()).isEqualTo("与关西采购商洽谈会合并办理");
        assertThat(directive.path("withdrawnAt").asText()).isNotBlank();
        JsonNode dalian = as("dalian").get("/api/tasks/{t}", dalianStep).body();
        assertThat(dalian.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(dalian.path("history").findValuesAsText("reason")).as("the reason on the unit's step")
                .contains("与关西采购商洽谈会合并办理");
        assertThat(coordinator.post("/api/directives/{d}/withdraw", map("reason", "again"), directiveId).status().value())
                .isEqualTo(409);
    }

    @Test
    void aTitleInForceInTheExpoIsAskedAboutBeforeItGoesOutAgain() throws Exception {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "panjin");
        String first = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "邀请日本采购商", "dueOn", "2030-02-01", "unitIds", List.of("panjin"))).field("id");

        ExpoFlowClient.Answer again = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", " 邀请日本采购商 ", "dueOn", "2030-02-01", "unitIds", List.of("panjin")));
        assertThat(again.status().value()).isEqualTo(409);
        assertThat(again.field("field")).isEqualTo("title");
        assertThat(again.field("detail")).contains("邀请日本采购商");
        assertThat(coordinator.get("/api/expos/{e}/board", expoId).body().path("directives")).as("nothing written").hasSize(1);
        ExpoFlowClient.Answer meant = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "邀请日本采购商", "dueOn", "2030-02-01", "unitIds", List.of("panjin"), "duplicateTitle", true));
        assertThat(meant.status().value()).isEqualTo(201);

        PageSession office = PageSession.signedIn(base(), "coordinator");
        String console = "/console?expoId=" + expoId;
        String asked = office.post(console, "/console/" + expoId + "/directives", "kind", "invite-buyers",
                "title", "邀请日本采购商", "dueOn", "2030-02-01", "unitIds", "panjin");
        assertThat(asked).contains("本展会已有在办的同名督办事项“邀请日本采购商”").contains("id=\"issueDuplicate\"")
                .contains("value=\"邀请日本采购商\"");
        assertThat(coordinator.get("/api/expos/{e}/board", expoId).body().path("directives")).hasSize(2);
        String issued = office.post(console, "/console/" + expoId + "/directives", "kind", "invite-buyers",
                "title", "邀请日本采购商", "dueOn", "2030-02-01", "unitIds", "panjin", "duplicateTitle", "true");
        assertThat(issued).contains("督办事项已下达");
        assertThat(coordinator.get("/api/expos/{e}/board", expoId).body().path("directives")).hasSize(3);

        assertThat(coordinator.post("/api/directives/{d}/withdraw", map("reason", "重复下发"), first).status().value())
                .isEqualTo(204);
        assertThat(coordinator.post("/api/directives", map("expoId", expoId, "kind", "publicity", "title", "宣传推介",
                "dueOn", "2030-02-01", "unitIds", List.of("panjin"))).status().value()).as("another title").isEqualTo(201);
    }

    @Test
    void aRefusalSpeaksOfTheThingRefused() {
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "benxi", "dandong");
        String directiveId = invite(coordinator, expoId, "邀请本溪采购商", "benxi");
        ExpoFlowClient benxi = as("benxi");
        String draft = OsakaFixture.firstActiveTask(benxi, directiveId);

        ExpoFlowClient.Answer leader = as("leader").post("/api/tasks/{t}/complete", map("values", map("invitationList", "x")), draft);
        assertThat(leader.status().value()).isEqualTo(403);
        assertThat(leader.field("detail")).isEqualTo("这一步由承办单位办理，督办办公室和领导不能代为办理。");
        threeStepsDone(benxi, directiveId);
        ExpoFlowClient.Answer clerkOnReview = benxi.post("/api/tasks/{t}/complete", map("decision", "APPROVE"),
                reviewOf(directiveId, "benxi"));
        assertThat(clerkOnReview.status().value()).isEqualTo(403);
        assertThat(clerkOnReview.field("detail")).isEqualTo("这一步由督办办公室审核办理，您不能办理。");
        ExpoFlowClient.Answer otherList = benxi.get("/api/tasks?unitId=dandong");
        assertThat(otherList.status().value()).isEqualTo(403);
        assertThat(otherList.field("detail")).isEqualTo("您只能查看本单位的任务清单。");
        ExpoFlowClient.Answer past = coordinator.post("/api/directives", map("expoId", expoId, "kind", "invite-buyers",
                "title", "昨天到期", "dueOn", "2020-01-01", "unitIds", List.of("benxi")));
        assertThat(past.status().value()).isEqualTo(400);
        assertThat(past.field("field")).isEqualTo("dueOn");
        assertThat(past.field("detail")).startsWith("完成期限（2020-01-01 23:59）已经过去");
    }
}
