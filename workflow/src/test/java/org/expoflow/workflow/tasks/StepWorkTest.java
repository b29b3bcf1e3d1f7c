package org.expoflow.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.EventStoreProbe;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The work on a step is done by application services behind two doors: what the REST API refuses, the service
 * refuses for any caller (a page hands it the same record), with the same field and the same sentence, and
 * nothing is written; the coordinator's actions are the coordinator's whoever calls.
 */
@ExpoFlowTest
class StepWorkTest {

    @LocalServerPort
    int port;

    @Autowired
    UnitStepWork stepWork;

    @Autowired
    OfficeStepWork officeWork;

    @Autowired
    StepReadings readings;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcTemplate jdbc;

    String taskId;
    ExpoFlowClient shenyangOverHttp;

    @BeforeEach
    void aStepForShenyang() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang");
        shenyangOverHttp = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        taskId = OsakaFixture.firstActiveTask(shenyangOverHttp, directiveId);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aReportOutOfRangeIsRefusedAtItsFieldAlikeThroughTheApiAndTheServiceAndNothingIsWritten() {
        long before = new EventStoreProbe(jdbc).count();
        Answer overHttp = shenyangOverHttp.post("/api/tasks/{t}/progress", map("percent", 150), taskId);
        ExpoFlowUser shenyang = signedIn("shenyang");
        // a request without Accept-Language is answered in the province's language; so is this call
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(overHttp.status().value()).isEqualTo(400);
        assertThatThrownBy(() -> stepWork.reportProgress(shenyang, taskId, new UnitStepWork.ProgressRequest(150, null, null, null, null)))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refused -> {
                    assertThat(refused.field()).isEqualTo("percent").isEqualTo(overHttp.field("field"));
                    assertThat(refused.getMessage()).isEqualTo(overHttp.field("detail")).startsWith("完成百分比").contains("100");
                });
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(before);
    }

    @Test
    void aNegativeFigureIsRefusedNamingTheFigure() {
        long before = new EventStoreProbe(jdbc).count();
        ExpoFlowUser shenyang = signedIn("shenyang");

        assertThatThrownBy(() -> stepWork.reportProgress(shenyang, taskId, new UnitStepWork.ProgressRequest(40, null, null, null,
                Map.of("buyersInvited", new BigDecimal("-3")))))
                .isInstanceOfSatisfying(DomainRuleViolation.class, refused -> assertThat(refused.field())
                        .isEqualTo("figures[buyersInvited]"));
        Answer overHttp = shenyangOverHttp.post("/api/tasks/{t}/progress", map("percent", 40, "figures", map("buyersInvited", -3)), taskId);
        assertThat(overHttp.field("field")).isEqualTo("figures[buyersInvited]");
        assertThat(new EventStoreProbe(jdbc).count()).isEqualTo(before);
    }

    @Test
    void aCityCannotExtendItsOwnDeadlineByAnyDoor() {
        ExpoFlowUser shenyang = signedIn("shenyang");

        assertThatThrownBy(() -> officeWork.extend(shenyang, taskId, new OfficeStepWork.ExtendRequest(null,
                java.time.Instant.parse("2030-02-20T00:00:00Z"), "we need more time")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(shenyangOverHttp.post("/api/tasks/{t}/extend", map("dueOn", "2030-02-20", "reason", "we need more time"), taskId)
                .status().value()).isEqualTo(403);
    }

    @Test
    void theOfficeReviewsWhatTheUnitSubmittedItsValuesFiguresReportsAndFiles() {
        String directiveId = OsakaFixture.inviteBuyers(ExpoFlowClient.as("http://localhost:" + port, "coordinator"),
                shenyangOverHttp.get("/api/tasks/{t}", taskId).field("expoId"), "shenyang");
        String draft = OsakaFixture.firstActiveTask(shenyangOverHttp, directiveId);
        shenyangOverHttp.post("/api/tasks/{t}/progress", map("percent", 60, "note", "letters drafted", "problems", "visa delays"), draft);
        shenyangOverHttp.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Kansai buyers")), draft);
        shenyangOverHttp.post("/api/tasks/{t}/complete", map("figures", map("buyersInvited", 42)),
                OsakaFixture.firstActiveTask(shenyangOverHttp, directiveId));
        shenyangOverHttp.post("/api/tasks/{t}/complete", map("figures", map("buyersConfirmed", 17)),
                OsakaFixture.firstActiveTask(shenyangOverHttp, directiveId));
        ExpoFlowUser coordinator = signedIn("coordinator");
        String review = OsakaFixture.firstActiveTask(ExpoFlowClient.as("http://localhost:" + port, "coordinator"), directiveId);

        List<StepReadings.SubmittedStep> submitted = readings.submittedWork(coordinator, review);

        assertThat(submitted).hasSize(3).allSatisfy(step -> assertThat(step.status().name()).isEqualTo("COMPLETED"));
        assertThat(submitted.get(0).values()).singleElement().satisfies(value -> {
            assertThat(value.value()).isEqualTo("Kansai buyers");
            assertThat(value.label()).as("the form's label, not the field id").isNotBlank().isNotEqualTo("invitationList");
        });
        assertThat(submitted.get(0).latestNote()).isEqualTo("letters drafted");
        assertThat(submitted.get(0).latestProblems()).isEqualTo("visa delays");
        assertThat(submitted.get(1).figures()).containsEntry("buyersInvited", new BigDecimal("42"));
        assertThat(submitted.get(2).figures()).containsKey("buyersConfirmed");
        assertThat(readings.submittedWork(coordinator, draft)).as("a unit's own step is no review").isEmpty();
    }

    private ExpoFlowUser signedIn(String username) {
        ExpoFlowUser user = users.find(username).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }
}
