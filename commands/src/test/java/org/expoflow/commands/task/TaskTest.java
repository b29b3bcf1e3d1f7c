package org.expoflow.commands.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.expoflow.commands.api.task.AcknowledgeChaseUp;
import org.expoflow.commands.api.task.AddAttachment;
import org.expoflow.commands.api.task.AttachmentAdded;
import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.task.AddCooperatingUnit;
import org.expoflow.commands.api.task.ChaseUpAcknowledged;
import org.expoflow.commands.api.task.ChaseUpGrade;
import org.expoflow.commands.api.task.ChaseUpTask;
import org.expoflow.commands.api.task.CooperatingUnitAdded;
import org.expoflow.commands.api.task.DeadlineExtended;
import org.expoflow.commands.api.task.DecideExtensionRequest;
import org.expoflow.commands.api.task.ExtensionRequestDecided;
import org.expoflow.commands.api.task.ExtensionRequested;
import org.expoflow.commands.api.task.RequestExtension;
import org.expoflow.commands.api.task.EscalateTask;
import org.expoflow.commands.api.task.ExtendDeadline;
import org.expoflow.commands.api.task.ReassignTask;
import org.expoflow.commands.api.task.RecordTaskDueSoon;
import org.expoflow.commands.api.task.RecordTaskOverdue;
import org.expoflow.commands.api.task.TaskChasedUp;
import org.expoflow.commands.api.task.TaskDueSoon;
import org.expoflow.commands.api.task.TaskEscalated;
import org.expoflow.commands.api.task.TaskOverdue;
import org.expoflow.commands.api.task.TaskReassigned;
import org.expoflow.commands.api.task.AssignTask;
import org.expoflow.commands.api.task.DirectiveStep;
import org.expoflow.commands.api.task.StepDemands;
import org.expoflow.commands.api.task.CancelTask;
import org.expoflow.commands.api.task.ClaimTask;
import org.expoflow.commands.api.task.CompleteTask;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.ReportProgress;
import org.expoflow.commands.api.task.ReviewDecision;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCancelled;
import org.expoflow.commands.api.task.TaskClaimed;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.commands.api.task.TaskReturnedForRework;
import org.expoflow.commands.api.task.TaskUnclaimed;
import org.expoflow.commands.api.task.UnclaimTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskTest {

    private static final Instant DUE = Instant.parse("2030-02-01T00:00:00Z");
    private static final DirectiveStep SEND_INVITATIONS = new DirectiveStep("osaka", "d1", "shenyang", "p1", null,
            "sendInvitations", "Send invitations");
    private static final Actor SHENYANG_CLERK = new Actor("shenyang", Set.of("shenyang"));
    private static final Actor DALIAN_CLERK = new Actor("dalian", Set.of("dalian"));
    private static final Actor COORDINATOR = new Actor("coordinator", Set.of("coordinator"));

    private AggregateTestFixture<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    private static TaskAssigned sendInvitationsAssigned() {
        return new TaskAssigned("t1", "osaka", "d1", "shenyang", "p1", "sendInvitations", "Send invitations",
                "shenyang", DUE, Set.of("buyersInvited"), null, false);
    }

    @Test
    void canBeAssignedToAUnit() {
        fixture.givenNoPriorActivity()
                .when(new AssignTask("t1", SEND_INVITATIONS, "shenyang", DUE,
                        new StepDemands(Set.of("buyersInvited"), false, null), List.of(), null, null))
                .expectEvents(sendInvitationsAssigned());
    }

    @Test
    void canBeReturnedForReworkWithTheReviewersComment() {
        fixture.givenNoPriorActivity()
                .when(new AssignTask("t1", SEND_INVITATIONS, "shenyang", DUE,
                        new StepDemands(Set.of("buyersInvited"), false, null), List.of(), null, "add the Kobe buyers"))
                .expectEvents(sendInvitationsAssigned(),
                        new TaskReturnedForRework("t1", "d1", "shenyang", "add the Kobe buyers"));
    }

    @Test
    void canBeClaimedByAClerkOfItsUnit() {
        fixture.given(sendInvitationsAssigned())
                .when(new ClaimTask("t1", SHENYANG_CLERK, "shenyang"))
                .expectEvents(new TaskClaimed("t1", "d1", "shenyang", "shenyang"));
    }

    @Test
    void cannotBeClaimedByAnotherUnit() {
        fixture.given(sendInvitationsAssigned())
                .when(new ClaimTask("t1", DALIAN_CLERK, "dalian"))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("may not act"));
    }

    @Test
    void cannotBeClaimedInAnotherPersonsName() {
        fixture.given(sendInvitationsAssigned())
                .when(new ClaimTask("t1", SHENYANG_CLERK, "shenyang-2"))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("claimed by the one who will do it"));
    }

    @Test
    void cannotBeClaimedTwiceByDifferentUsers() {
        fixture.given(sendInvitationsAssigned(), new TaskClaimed("t1", "d1", "shenyang", "shenyang"))
                .when(new ClaimTask("t1", new Actor("shenyang-2", Set.of("shenyang")), "shenyang-2"))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void canBeUnclaimedByItsHolder() {
        fixture.given(sendInvitationsAssigned(), new TaskClaimed("t1", "d1", "shenyang", "shenyang"))
                .when(new UnclaimTask("t1", SHENYANG_CLERK))
                .expectEvents(new TaskUnclaimed("t1", "d1", "shenyang", "shenyang"));
    }

    @Test
    void aReassignmentReleasesTheClaimSoTheEnginesReleaseAfterItRecordsNothingMore() {
        fixture.given(sendInvitationsAssigned(), new TaskClaimed("t1", "d1", "shenyang", "shenyang"),
                        new TaskReassigned("t1", "d1", "shenyang", "shenyang", "dalian", "Dalian port handles it"))
                .when(new UnclaimTask("t1", COORDINATOR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotBeUnclaimedByAUnitAskedToCooperateOnIt() {
        fixture.given(sendInvitationsAssigned(), new TaskClaimed("t1", "d1", "shenyang", "shenyang"),
                        new CooperatingUnitAdded("t1", "d1", "shenyang", "dalian"))
                .when(new UnclaimTask("t1", DALIAN_CLERK))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("may not act"));
    }

    @Test
    void cannotBeUnclaimedByAnotherUnitOrTheOfficeWhateverDoorTheyUse() {
        for (Actor outsider : new Actor[] {DALIAN_CLERK, COORDINATOR}) {
            fixture.given(sendInvitationsAssigned(), new TaskClaimed("t1", "d1", "shenyang", "shenyang"))
                    .when(new UnclaimTask("t1", outsider))
                    .expectNoEvents()
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("may not act"));
        }
    }

    @Test
    void canReportProgressWithProblemsAndSuggestions() {
        fixture.given(sendInvitationsAssigned())
                .when(new ReportProgress("t1", SHENYANG_CLERK, 50, "list drafted", "few contacts in Kansai",
                        "ask the trade office in Osaka", Map.of("buyersInvited", BigDecimal.TEN)))
                .expectEvents(new ProgressReported("t1", "d1", "shenyang", 50, "list drafted",
                        "few contacts in Kansai", "ask the trade office in Osaka", Map.of("buyersInvited", BigDecimal.TEN)));
    }

    @Test
    void cannotReportAPercentAboveHundred() {
        fixture.given(sendInvitationsAssigned())
                .when(new ReportProgress("t1", SHENYANG_CLERK, 101, null, null, null, Map.of()))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("percent"));
    }

    @Test
    void cannotReportAnUnknownOrNegativeFigure() {
        fixture.given(sendInvitationsAssigned())
                .when(new ReportProgress("t1", SHENYANG_CLERK, 10, null, null, null, Map.of("buyersInvited", BigDecimal.valueOf(-1))))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
        fixture.given(sendInvitationsAssigned())
                .when(new ReportProgress("t1", SHENYANG_CLERK, 10, null, null, null, Map.of("buyersInveited", BigDecimal.ONE)))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("unknown figure"));
    }

    @Test
    void cannotReportAFigureBeyondWhatTheReadModelsStore() {
        for (String unstorable : new String[] {"1e999999999", "1e400", "10000000000000000", "0.00001"}) {
            fixture.given(sendInvitationsAssigned())
                    .when(new ReportProgress("t1", SHENYANG_CLERK, 10, null, null, null,
                            Map.of("buyersInvited", new BigDecimal(unstorable))))
                    .expectNoEvents()
                    .expectException(DomainRuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("'buyersInvited'"));
        }
    }

    @Test
    void canReportTheLargestStorableFigure() {
        fixture.given(sendInvitationsAssigned())
                .when(new ReportProgress("t1", SHENYANG_CLERK, 10, null, null, null,
                        Map.of("buyersInvited", new BigDecimal("9999999999999999.9999"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgressReported("t1", "d1", "shenyang", 10, null, null, null,
                        Map.of("buyersInvited", new BigDecimal("9999999999999999.9999"))));
    }

    @Test
    void canBeCompletedWithItsRequiredFigures() {
        fixture.given(sendInvitationsAssigned(), new TaskClaimed("t1", "d1", "shenyang", "shenyang"))
                .when(new CompleteTask("t1", SHENYANG_CLERK, Map.of(), Map.of("buyersInvited", BigDecimal.valueOf(42)), null, null))
                .expectEvents(new TaskCompleted("t1", "d1", "shenyang", "shenyang", Map.of(),
                        Map.of("buyersInvited", BigDecimal.valueOf(42)), null, null));
    }

    @Test
    void cannotBeCompletedWithoutItsRequiredFigures() {
        fixture.given(sendInvitationsAssigned())
                .when(new CompleteTask("t1", SHENYANG_CLERK, Map.of(), Map.of(), null, null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("buyersInvited"));
    }

    /** A refusal is said of the step refused: whose it is decides the words ({@code refusal.<code>} in the pages' bundles). */
    @Test
    void cannotBeDoneByAnotherThanItsOwnerAndTheRefusalSaysWhoseStepItIs() {
        TaskAssigned review = new TaskAssigned("r1", "osaka", "d1", "shenyang", "p1", "reviewInvitations", "Review",
                "coordinator", DUE, Set.of(), null, false);
        TaskAssigned chaseUp = new TaskAssigned("c1", "osaka", "d1", "shenyang", "p1", "chaseUpUnit", "Chase the unit up",
                "coordinator", DUE, Set.of(), "t1", false);
        Actor leader = new Actor("leader", Set.of(Actor.LEADER));
        Object[][] cases = {
                {chaseUp, SHENYANG_CLERK, null, "chaseUpOfTheOffice"},
                {sendInvitationsAssigned(), leader, null, "stepOfTheUnit"},
                {sendInvitationsAssigned(), COORDINATOR, null, "stepOfTheUnit"},
                {sendInvitationsAssigned(), DALIAN_CLERK, null, "mayNotAct"},
                {review, SHENYANG_CLERK, ReviewDecision.APPROVE, "stepOfTheOffice"}};
        for (Object[] refused : cases) {
            TaskAssigned assigned = (TaskAssigned) refused[0];
            new AggregateTestFixture<>(Task.class).given(assigned)
                    .when(new CompleteTask(assigned.taskId(), (Actor) refused[1], Map.of(), Map.of("buyersInvited", BigDecimal.ONE),
                            (ReviewDecision) refused[2], null))
                    .expectNoEvents()
                    .expectException(new org.hamcrest.CustomTypeSafeMatcher<DomainRuleViolation>("refused as " + refused[3]) {
                        @Override
                        protected boolean matchesSafely(DomainRuleViolation violation) {
                            return refused[3].equals(violation.code());
                        }
                    });
        }
    }

    @Test
    void cannotBeCompletedTwice() {
        fixture.given(sendInvitationsAssigned(), new TaskCompleted("t1", "d1", "shenyang", "shenyang", Map.of(),
                        Map.of("buyersInvited", BigDecimal.ONE), null, null))
                .when(new CompleteTask("t1", SHENYANG_CLERK, Map.of(), Map.of("buyersInvited", BigDecimal.ONE), null, null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("closed"));
    }

    @Test
    void canBeReviewedByTheCoordinatorOnly() {
        TaskAssigned review = new TaskAssigned("r1", "osaka", "d1", "shenyang", "p1", "reviewInvitations",
                "Review invitations", "coordinator", DUE, Set.of(), null, false);
        fixture.given(review)
                .when(new CompleteTask("r1", SHENYANG_CLERK, Map.of(), Map.of(), ReviewDecision.APPROVE, null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
        fixture.given(review)
                .when(new CompleteTask("r1", COORDINATOR, Map.of("decision", "RETURN"), Map.of(), ReviewDecision.RETURN, "add Kobe"))
                .expectEvents(new TaskCompleted("r1", "d1", "shenyang", "coordinator", Map.of("decision", "RETURN"),
                        Map.of(), ReviewDecision.RETURN, "add Kobe"));
    }

    @Test
    void canBeCancelledByTheEngineOnceOnly() {
        fixture.given(sendInvitationsAssigned())
                .when(new CancelTask("t1", "process ended", false))
                .expectEvents(new TaskCancelled("t1", "d1", "shenyang", "process ended", false));
        fixture.given(sendInvitationsAssigned(), new TaskCancelled("t1", "d1", "shenyang", "process ended", false))
                .when(new CancelTask("t1", "process ended", false))
                .expectNoEvents();
    }

    @Test
    void canBecomeDueSoonOverdueAndEscalatedAgainstTheDeadlineInForce() {
        fixture.given(sendInvitationsAssigned())
                .when(new RecordTaskDueSoon("t1", DUE))
                .expectEvents(new TaskDueSoon("t1", "d1", "shenyang", DUE));
        fixture.given(sendInvitationsAssigned())
                .when(new RecordTaskOverdue("t1", DUE))
                .expectEvents(new TaskOverdue("t1", "d1", "shenyang", DUE));
        fixture.given(sendInvitationsAssigned(), new TaskOverdue("t1", "d1", "shenyang", DUE))
                .when(new EscalateTask("t1", DUE))
                .expectEvents(new TaskEscalated("t1", "d1", "shenyang", DUE));
    }

    @Test
    void cannotBecomeOverdueByATimerSetForADeadlineSinceExtended() {
        Instant later = DUE.plusSeconds(7 * 86400);
        fixture.given(sendInvitationsAssigned(),
                        new DeadlineExtended("t1", "d1", "shenyang", DUE, later, DUE, "customs holiday"))
                .when(new RecordTaskOverdue("t1", DUE))
                .expectNoEvents();
    }

    @Test
    void cannotBecomeOverdueOnceCompleted() {
        fixture.given(sendInvitationsAssigned(), new TaskCompleted("t1", "d1", "shenyang", "shenyang", Map.of(),
                        Map.of("buyersInvited", BigDecimal.ONE), null, null))
                .when(new EscalateTask("t1", DUE))
                .expectNoEvents();
    }

    @Test
    void canBeExtendedByTheCoordinatorKeepingTheOriginalDeadline() {
        Instant week = DUE.plusSeconds(7 * 86400);
        Instant fortnight = DUE.plusSeconds(14 * 86400);
        fixture.given(sendInvitationsAssigned(), new DeadlineExtended("t1", "d1", "shenyang", DUE, week, DUE, "holiday"))
                .when(new ExtendDeadline("t1", COORDINATOR, fortnight, "visa delays", DUE))
                .expectEvents(new DeadlineExtended("t1", "d1", "shenyang", week, fortnight, DUE, "visa delays"));
    }

    @Test
    void cannotBeExtendedByACityOrToAnEarlierDateOrWithoutReason() {
        fixture.given(sendInvitationsAssigned())
                .when(new ExtendDeadline("t1", SHENYANG_CLERK, DUE.plusSeconds(86400), "we are late", null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("only the expo office"));
        fixture.given(sendInvitationsAssigned())
                .when(new ExtendDeadline("t1", COORDINATOR, DUE.minusSeconds(86400), "earlier", null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("later than"));
        fixture.given(sendInvitationsAssigned())
                .when(new ExtendDeadline("t1", COORDINATOR, DUE.plusSeconds(86400), " ", null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("reason"));
    }

    @Test
    void canBeAskedForALaterDeadlineByItsUnitBeforeTheDeadline() {
        Instant week = DUE.plusSeconds(7 * 86400);
        fixture.given(sendInvitationsAssigned())
                .when(new RequestExtension("t1", SHENYANG_CLERK, week, " customs closed for the holiday ", DUE.minusSeconds(86400)))
                .expectEvents(new ExtensionRequested("t1", "d1", "shenyang", "shenyang", DUE, week, "customs closed for the holiday"));
    }

    @Test
    void cannotBeAskedForALaterDeadlineByAnotherUnitAfterTheDeadlineTwiceOrWithoutReason() {
        Instant week = DUE.plusSeconds(7 * 86400);
        Instant dayBefore = DUE.minusSeconds(86400);
        fixture.given(sendInvitationsAssigned())
                .when(new RequestExtension("t1", DALIAN_CLERK, week, "we help", dayBefore))
                .expectNoEvents().expectException(DomainRuleViolation.class);
        fixture.given(sendInvitationsAssigned())
                .when(new RequestExtension("t1", SHENYANG_CLERK, week, "late already", DUE.plusSeconds(60)))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("before it"));
        fixture.given(sendInvitationsAssigned())
                .when(new RequestExtension("t1", SHENYANG_CLERK, week, " ", dayBefore))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("reason"));
        fixture.given(sendInvitationsAssigned())
                .when(new RequestExtension("t1", SHENYANG_CLERK, DUE.minusSeconds(3600), "earlier", dayBefore))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("later than"));
        fixture.given(sendInvitationsAssigned(), new ExtensionRequested("t1", "d1", "shenyang", "shenyang", DUE, week, "holiday"))
                .when(new RequestExtension("t1", SHENYANG_CLERK, week.plusSeconds(86400), "again", dayBefore))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("waiting"));
    }

    @Test
    void canHaveARequestedExtensionApprovedMovingTheDeadlineAsTheOfficesOwnExtension() {
        Instant week = DUE.plusSeconds(7 * 86400);
        fixture.given(sendInvitationsAssigned(), new ExtensionRequested("t1", "d1", "shenyang", "shenyang", DUE, week, "holiday"))
                .when(new DecideExtensionRequest("t1", COORDINATOR, true, null, DUE.minusSeconds(3600)))
                .expectEvents(new ExtensionRequestDecided("t1", "d1", "shenyang", "coordinator", true, week, null),
                        new DeadlineExtended("t1", "d1", "shenyang", DUE, week, DUE, "holiday"));
    }

    @Test
    void canHaveARequestedExtensionRefusedWithAReasonKeepingTheDeadline() {
        Instant week = DUE.plusSeconds(7 * 86400);
        fixture.given(sendInvitationsAssigned(), new ExtensionRequested("t1", "d1", "shenyang", "shenyang", DUE, week, "holiday"))
                .when(new DecideExtensionRequest("t1", COORDINATOR, false, "the catalogue goes to print", DUE.minusSeconds(3600)))
                .expectEvents(new ExtensionRequestDecided("t1", "d1", "shenyang", "coordinator", false, week,
                        "the catalogue goes to print"));
    }

    @Test
    void cannotHaveAnExtensionDecidedByACityWithoutARequestOrRefusedWithoutReason() {
        Instant week = DUE.plusSeconds(7 * 86400);
        ExtensionRequested asked = new ExtensionRequested("t1", "d1", "shenyang", "shenyang", DUE, week, "holiday");
        fixture.given(sendInvitationsAssigned(), asked)
                .when(new DecideExtensionRequest("t1", SHENYANG_CLERK, true, null, DUE))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("only the expo office"));
        fixture.given(sendInvitationsAssigned())
                .when(new DecideExtensionRequest("t1", COORDINATOR, true, null, DUE))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("no request"));
        fixture.given(sendInvitationsAssigned(), asked, new ExtensionRequestDecided("t1", "d1", "shenyang", "coordinator", false, week, "no"))
                .when(new DecideExtensionRequest("t1", COORDINATOR, true, null, DUE))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("no request"));
        fixture.given(sendInvitationsAssigned(), asked)
                .when(new DecideExtensionRequest("t1", COORDINATOR, false, " ", DUE))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("told why"));
        fixture.given(sendInvitationsAssigned(), asked)
                .when(new DecideExtensionRequest("t1", COORDINATOR, true, null, week.plusSeconds(60)))
                .expectNoEvents().expectExceptionMessage(org.hamcrest.Matchers.containsString("already passed"));
    }

    @Test
    void canBeChasedUpByTheCoordinatorAndAcknowledgedByTheUnit() {
        fixture.given(sendInvitationsAssigned(), new TaskOverdue("t1", "d1", "shenyang", DUE))
                .when(new ChaseUpTask("t1", COORDINATOR, "Please report your invitations by Friday"))
                .expectEvents(new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "Please report your invitations by Friday"));
        fixture.given(sendInvitationsAssigned(), new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "by Friday"))
                .when(new AcknowledgeChaseUp("t1", SHENYANG_CLERK, "list goes out Thursday"))
                .expectEvents(new ChaseUpAcknowledged("t1", "d1", "shenyang", "shenyang", "list goes out Thursday"));
    }

    @Test
    void cannotAnswerAChaseUpWithoutAReply() {
        fixture.given(sendInvitationsAssigned(), new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "by Friday"))
                .when(new AcknowledgeChaseUp("t1", SHENYANG_CLERK, "  "))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("answered"));
    }

    @Test
    void cannotAcknowledgeAChaseUpNeverSentOrAnotherUnits() {
        fixture.given(sendInvitationsAssigned())
                .when(new AcknowledgeChaseUp("t1", SHENYANG_CLERK, null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no chase-up"));
        fixture.given(sendInvitationsAssigned(), new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "by Friday"))
                .when(new AcknowledgeChaseUp("t1", DALIAN_CLERK, null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("may not act"));
        fixture.given(sendInvitationsAssigned())
                .when(new ChaseUpTask("t1", SHENYANG_CLERK, "hurry"))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void canBeChasedUpAtAGradeWhichIsOnRecord() {
        for (ChaseUpGrade grade : ChaseUpGrade.values()) {
            fixture.given(sendInvitationsAssigned(), new TaskOverdue("t1", "d1", "shenyang", DUE))
                    .when(new ChaseUpTask("t1", COORDINATOR, "本周五前报送邀请名单", grade))
                    .expectEvents(new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "本周五前报送邀请名单", grade));
        }
        fixture.given(sendInvitationsAssigned())
                .when(new ChaseUpTask("t1", COORDINATOR, "by Friday", null))
                .expectEvents(new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "by Friday", ChaseUpGrade.SUPERVISE));
    }

    @Test
    void canUrgeAUnitWithoutAReplyDueAndThenChaseItUpFormally() {
        fixture.given(sendInvitationsAssigned(),
                        new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "请抓紧", ChaseUpGrade.URGE))
                .when(new AcknowledgeChaseUp("t1", SHENYANG_CLERK, "在办"))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("no chase-up"));
        fixture.given(sendInvitationsAssigned(),
                        new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "请抓紧", ChaseUpGrade.URGE),
                        new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "予以通报", ChaseUpGrade.NOTIFY))
                .when(new AcknowledgeChaseUp("t1", SHENYANG_CLERK, "周四报送"))
                .expectEvents(new ChaseUpAcknowledged("t1", "d1", "shenyang", "shenyang", "周四报送"));
    }

    @Test
    void cannotAnswerANotificationWithoutAReply() {
        fixture.given(sendInvitationsAssigned(),
                        new TaskChasedUp("t1", "d1", "shenyang", "coordinator", "予以通报", ChaseUpGrade.NOTIFY))
                .when(new AcknowledgeChaseUp("t1", SHENYANG_CLERK, " "))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void canBeReassignedToAnotherUnitWhichThenActsOnIt() {
        fixture.given(sendInvitationsAssigned(), new TaskClaimed("t1", "d1", "shenyang", "shenyang"))
                .when(new ReassignTask("t1", COORDINATOR, "dalian", "Dalian port handles it"))
                .expectEvents(new TaskReassigned("t1", "d1", "shenyang", "shenyang", "dalian", "Dalian port handles it"));
        fixture.given(sendInvitationsAssigned(),
                        new TaskReassigned("t1", "d1", "shenyang", "shenyang", "dalian", "Dalian port handles it"))
                .when(new ClaimTask("t1", SHENYANG_CLERK, "shenyang"))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
        fixture.given(sendInvitationsAssigned(),
                        new TaskReassigned("t1", "d1", "shenyang", "shenyang", "dalian", "Dalian port handles it"))
                .when(new ClaimTask("t1", DALIAN_CLERK, "dalian"))
                .expectEvents(new TaskClaimed("t1", "d1", "shenyang", "dalian"));
    }

    @Test
    void cannotReassignTheOfficesOwnReview() {
        fixture.given(new TaskAssigned("r1", "osaka", "d1", "shenyang", "p1", "reviewInvitations",
                        "Review invitations", "coordinator", DUE, Set.of(), null, false))
                .when(new ReassignTask("r1", COORDINATOR, "dalian", "busy"))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("office's own step"));
    }

    @Test
    void canShareAStepWithACooperatingUnit() {
        fixture.given(sendInvitationsAssigned())
                .when(new AddCooperatingUnit("t1", COORDINATOR, "dalian"))
                .expectEvents(new CooperatingUnitAdded("t1", "d1", "shenyang", "dalian"));
        fixture.given(sendInvitationsAssigned(), new CooperatingUnitAdded("t1", "d1", "shenyang", "dalian"))
                .when(new ReportProgress("t1", DALIAN_CLERK, 30, "Dalian's buyers added", null, null, Map.of()))
                .expectEvents(new ProgressReported("t1", "d1", "shenyang", 30, "Dalian's buyers added", null, null, Map.of()));
        fixture.given(sendInvitationsAssigned(), new CooperatingUnitAdded("t1", "d1", "shenyang", "dalian"))
                .when(new AddCooperatingUnit("t1", COORDINATOR, "dalian"))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }

    @Test
    void cannotBeCompletedWithoutTheAttachmentItsStepAsksFor() {
        TaskAssigned buildUp = new TaskAssigned("b1", "osaka", "d2", "jinzhou", "p2", "buildUpBooth", "Build up the booth",
                "jinzhou", DUE, Set.of(), null, true);
        Actor jinzhou = new Actor("jinzhou", Set.of("jinzhou"));
        fixture.given(buildUp)
                .when(new CompleteTask("b1", jinzhou, Map.of(), Map.of(), null, null))
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("attached file"));
        fixture.given(buildUp)
                .when(new AddAttachment("b1", jinzhou, "a1", "booth.jpg", "image/jpeg", 2048))
                .expectEvents(new AttachmentAdded("b1", "d2", "jinzhou", "a1", "booth.jpg", "image/jpeg", 2048));
        fixture.given(buildUp, new AttachmentAdded("b1", "d2", "jinzhou", "a1", "booth.jpg", "image/jpeg", 2048))
                .when(new CompleteTask("b1", jinzhou, Map.of(), Map.of(), null, null))
                .expectEvents(new TaskCompleted("b1", "d2", "jinzhou", "jinzhou", Map.of(), Map.of(), null, null));
        fixture.given(buildUp)
                .when(new AddAttachment("b1", DALIAN_CLERK, "a2", "x.jpg", "image/jpeg", 1))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }

    private static TaskAssigned recruitVolunteersAssigned() {
        return new TaskAssigned("t2", "osaka", "d2", "shenyang", "p2", "recruitVolunteers", "Recruit volunteers",
                "shenyang", DUE, Set.of(), null, false, java.util.List.of(), "recruit-volunteers:1:p",
                Set.of("volunteersRecruited"));
    }

    @Test
    void canReportAFigureItsKindDeclares() {
        fixture.given(recruitVolunteersAssigned())
                .when(new ReportProgress("t2", SHENYANG_CLERK, 40, null, null, null,
                        Map.of("volunteersRecruited", BigDecimal.valueOf(120))))
                .expectEvents(new ProgressReported("t2", "d2", "shenyang", 40, null, null, null,
                        Map.of("volunteersRecruited", BigDecimal.valueOf(120))));
    }

    @Test
    void cannotReportOrCompleteWithAFigureItsKindDoesNotDeclare() {
        fixture.given(recruitVolunteersAssigned())
                .when(new ReportProgress("t2", SHENYANG_CLERK, 40, null, null, null, Map.of("buyersInvited", BigDecimal.ONE)))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("does not declare"));
        fixture.given(recruitVolunteersAssigned())
                .when(new CompleteTask("t2", SHENYANG_CLERK, Map.of(), Map.of("buyersInvited", BigDecimal.ONE), null, null))
                .expectNoEvents()
                .expectException(DomainRuleViolation.class);
    }
}
