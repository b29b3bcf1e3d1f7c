package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator with many units to chase finds the directives issued with how many units are done, a page at a
 * time, and narrows the task list to one unit or a keyword.
 */
@ExpoFlowTest
class CoordinatorConsoleTest {

    @LocalServerPort
    int port;

    @Test
    void theConsoleListsTheDirectivesIssuedWithTheirUnitsDoneAndTheTaskListFiltersByUnitAndKeyword() throws Exception {
        String base = "http://localhost:" + port;
        ExpoFlowClient coordinator = ExpoFlowClient.as(base, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "panjin", "tieling");
        String directiveId = coordinator.post("/api/directives", ExpoFlowClient.map("expoId", expoId, "kind", "invite-buyers",
                "title", "Invite the Panjin rice buyers", "dueOn", "2030-02-01", "unitIds", java.util.List.of("panjin", "tieling")))
                .field("id");
        ExpoFlowClient panjin = ExpoFlowClient.as(base, "panjin");
        for (Object body : java.util.List.of(ExpoFlowClient.map(), ExpoFlowClient.map("figures", ExpoFlowClient.map("buyersInvited", 9)),
                ExpoFlowClient.map("figures", ExpoFlowClient.map("buyersConfirmed", 4)))) {
            panjin.post("/api/tasks/{t}/complete", body, OsakaFixture.firstActiveTask(panjin, directiveId));
        }
        String review = java.util.stream.StreamSupport.stream(coordinator.get("/api/tasks?directiveId={d}&status=ACTIVE", directiveId)
                        .body().path("items").spliterator(), false)
                .filter(item -> item.path("candidateGroup").asText().equals("coordinator")).findFirst().orElseThrow()
                .path("id").asText();
        assertThat(coordinator.post("/api/tasks/{t}/complete", ExpoFlowClient.map("decision", "APPROVE"), review)
                .status().value()).isEqualTo(204);
        PageSession office = PageSession.signedIn(base, "coordinator");

        String console = office.get("/console?expoId=" + expoId);
        assertThat(console).contains("已下达的督办事项").contains("Invite the Panjin rice buyers").contains("1 / 2")
                .contains("邀请采购商");

        String tielingOnly = office.get("/tasks?filter=open&unitId=tieling&directiveId=" + directiveId);
        assertThat(tielingOnly).contains("铁岭市").doesNotContain("盘锦市 Panjin</td>");
        // where Panjin has rows the unit filter must leave out: its done steps
        assertThat(office.get("/tasks?filter=done&directiveId=" + directiveId)).contains(">盘锦市</td>");
        assertThat(office.get("/tasks?filter=done&unitId=tieling&directiveId=" + directiveId))
                .as("Tieling's done steps only").doesNotContain(">盘锦市</td>");
        String byKeyword = office.get("/tasks?filter=done&q=" + URLEncoder.encode("rice", StandardCharsets.UTF_8));
        assertThat(byKeyword).contains("Invite the Panjin rice buyers");
        assertThat(office.get("/tasks?filter=done&q=nothing-like-this")).doesNotContain("Invite the Panjin rice buyers");
    }

    @Test
    void aCoordinatorWithManyDirectivesSeesThemByThePageTheNewestFirst() throws Exception {
        String base = "http://localhost:" + port;
        ExpoFlowClient coordinator = ExpoFlowClient.as(base, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "dandong");
        for (int call = 1; call <= 21; call++) {
            assertThat(coordinator.post("/api/directives", ExpoFlowClient.map("expoId", expoId, "kind", "invite-buyers",
                    "title", String.format("Dandong call %02d", call), "dueOn", "2030-02-01",
                    "unitIds", List.of("dandong"))).status().value()).isEqualTo(201);
        }
        PageSession office = PageSession.signedIn(base, "coordinator");

        String newest = office.get("/console?expoId=" + expoId);
        assertThat(newest).contains("Dandong call 21").contains("Dandong call 02").doesNotContain("Dandong call 01")
                .contains("0 / 1").contains("id=\"olderDirectives\"").doesNotContain("id=\"newerDirectives\"")
                .contains("第 1 页，共 2 页（21 项督办事项）");
        String older = office.get("/console?expoId=" + expoId + "&page=1");
        assertThat(older).contains("Dandong call 01").doesNotContain("Dandong call 02").contains("id=\"newerDirectives\"");
    }

    @Test
    void overdueStepsComeTwentyToAPage() throws Exception {
        String base = "http://localhost:" + port;
        ExpoFlowClient coordinator = ExpoFlowClient.as(base, "coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "huludao");
        Instant dueAt = Instant.now().plusSeconds(5);
        for (int call = 1; call <= 21; call++) {
            assertThat(coordinator.post("/api/directives", ExpoFlowClient.map("expoId", expoId, "kind", "invite-buyers",
                    "title", String.format("Huludao overdue %02d", call), "dueAt", dueAt.toString(),
                    "unitIds", List.of("huludao"))).status().value()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                coordinator.get("/api/expos/{e}/overdue", expoId).body().path("items").size() == 21);
        PageSession office = PageSession.signedIn(base, "coordinator");

        String first = office.get("/console?expoId=" + expoId);
        String second = office.get("/console?expoId=" + expoId + "&overduePage=1");
        assertThat(first).contains("第 1 页，共 2 页（21 个逾期环节，逾期最久的在前）").contains("id=\"lessOverdue\"")
                .doesNotContain("id=\"moreOverdue\"");
        assertThat(second).contains("id=\"moreOverdue\"");
        Set<String> onFirst = overdueTitles(first);
        Set<String> onSecond = overdueTitles(second);
        assertThat(onFirst).hasSize(20).doesNotContainAnyElementsOf(onSecond);
        assertThat(onSecond).hasSize(1);
    }

    private static Set<String> overdueTitles(String console) {
        Set<String> titles = new HashSet<>();
        Matcher found = Pattern.compile("class=\"overdue-item\">.*?(Huludao overdue \\d\\d)",
                Pattern.DOTALL).matcher(console);
        while (found.find()) {
            titles.add(found.group(1));
        }
        return titles;
    }

    @Test
    void theIssueFormOffersTheChosenKindsTargetsOnlyAndComesBackAsSentWhenRefused() throws Exception {
        String base = "http://localhost:" + port;
        String expoId = OsakaFixture.osakaWith(ExpoFlowClient.as(base, "coordinator"), "panjin", "tieling");
        PageSession office = PageSession.signedIn(base, "coordinator");

        String console = office.get("/console?expoId=" + expoId);
        assertThat(console).containsPattern("data-kinds=\"[^\"]*ship-exhibits[^\"]*\">\\s*<label for=\"target.exhibitsShipped\"")
                .containsPattern("data-kinds=\"[^\"]*invite-buyers[^\"]*\">\\s*<label for=\"target.buyersInvited\"");

        String refused = office.post("/console?expoId=" + expoId, "/console/" + expoId + "/directives", "kind", "ship-exhibits",
                "title", "", "dueOn", "2030-02-01", "unitIds", "tieling", "target.exhibitsShipped", "120");
        assertThat(refused).as("the refusal at its field").contains("class=\"field-error\"")
                .contains("<option value=\"ship-exhibits\" selected=\"selected\">")
                .containsPattern("name=\"target.exhibitsShipped\"\\s+value=\"120\"")
                .contains("<p class=\"field-error\">标题不能为空</p>")
                .containsPattern("value=\"tieling\" id=\"unit-tieling\" checked=\"checked\"");
    }
}
