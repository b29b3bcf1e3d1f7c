package org.expoflow.projections.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.expoflow.commands.api.directive.DirectiveIssued;
import org.expoflow.commands.api.expo.ExpoPlanned;
import org.expoflow.commands.api.expo.UnitEnrolled;
import org.expoflow.commands.api.expo.UnitKind;
import org.expoflow.commands.api.task.ProgressReported;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.projections.api.Board;
import org.expoflow.projections.api.FindBoard;
import org.expoflow.projections.api.FindReportsDue;
import org.expoflow.projections.api.FindStatistics;
import org.expoflow.projections.api.FindTasks;
import org.expoflow.projections.api.ReportsDue;
import org.expoflow.projections.api.TaskSummary;
import org.expoflow.projections.api.UnitStatistics;
import org.expoflow.projections.catalogue.BoardQueries;
import org.expoflow.projections.catalogue.CatalogueProjection;
import org.expoflow.projections.figures.FiguresProjection;
import org.expoflow.projections.tasks.BriefHistoryReadings;
import org.expoflow.projections.tasks.ExpoTaskReadings;
import org.expoflow.projections.tasks.TaskListProjection;
import org.expoflow.projections.tasks.TaskListReadings;
import org.expoflow.projections.tasks.UnitStepReadings;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A directive that wants a report every week from Shenyang (Anshan co-operating on its task) and from Dalian: eight
 * days on, Shenyang has not reported, Dalian did on day five. The board shows Shenyang's report missing (red) and
 * Anshan's co-operation on both units' rows, the statistics count it, the reminders find it, and Anshan has the
 * task in its list.
 */
class ReportingAndCooperationTest {

    private static final Instant ISSUED = Instant.parse("2030-01-10T01:00:00Z");
    private static final Instant NOW = ISSUED.plus(Duration.ofDays(8));

    private JdbcTemplate jdbc;
    private TaskListReadings lists;
    private BoardQueries boards;
    private ReviewQueries review;

    @BeforeEach
    void issued() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:reporting-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(database);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(database);
        lists = new TaskListReadings(named, clock);
        ExpoTaskReadings expoTasks = new ExpoTaskReadings(named);
        boards = new BoardQueries(jdbc, expoTasks, new org.expoflow.projections.tasks.KeptBoardCells(jdbc), clock);
        review = new ReviewQueries(expoTasks, new UnitStepReadings(named, clock), new BriefHistoryReadings(named), boards,
                new FiguresProjection(jdbc, clock), new MeetingProjection(jdbc), jdbc, clock);
        AnnotationEventHandlerAdapter catalogue = new AnnotationEventHandlerAdapter(new CatalogueProjection(jdbc));
        AnnotationEventHandlerAdapter tasks = new AnnotationEventHandlerAdapter(new TaskListProjection(named, clock));
        handle(catalogue, new ExpoPlanned("osaka", "Osaka", "Osaka", LocalDate.of(2030, 4, 1), LocalDate.of(2030, 4, 7)), ISSUED);
        for (String unit : List.of("shenyang", "dalian", "anshan")) {
            handle(catalogue, new UnitEnrolled("osaka", unit, unit, UnitKind.CITY), ISSUED);
        }
        handle(catalogue, new DirectiveIssued("invite", "osaka", "invite-buyers", "Invite buyers", null, null,
                ISSUED.plus(Duration.ofDays(30)), List.of("shenyang", "dalian"), Map.of(), null, "P7D",
                Map.of("shenyang", List.of("anshan"))), ISSUED);
        handle(tasks, new TaskAssigned("t-shenyang", "osaka", "invite", "shenyang", "p1", "draftInvitationList", "Draft",
                "shenyang", ISSUED.plus(Duration.ofDays(30)), Set.of(), null, false, List.of("anshan")), ISSUED);
        handle(tasks, new TaskAssigned("t-dalian", "osaka", "invite", "dalian", "p2", "draftInvitationList", "Draft",
                "dalian", ISSUED.plus(Duration.ofDays(30)), Set.of(), null, false), ISSUED);
        handle(tasks, new ProgressReported("t-dalian", "invite", "dalian", 30, "drafted", null, null, Map.of()),
                ISSUED.plus(Duration.ofDays(5)));
    }

    private static void handle(AnnotationEventHandlerAdapter handler, Object event, Instant at) throws Exception {
        handler.handle(new GenericEventMessage<>(UUID.randomUUID().toString(), event, MetaData.with("actor", "coordinator"), at));
    }

    @Test
    void aMissingReportIsRedOnTheBoardCountedInTheStatisticsAndFoundForReminding() {
        Board board = boards.board(new FindBoard("osaka", null));
        assertThat(board.units()).as("the kept cells judge as the steps do").isEqualTo(boards.boardFromSteps("osaka").units());
        Board.BoardCell shenyang = cell(board, "shenyang");
        assertThat(shenyang.reportOverdue()).isTrue();
        assertThat(shenyang.reportDueAt()).isEqualTo(ISSUED.plus(Duration.ofDays(7)));
        assertThat(shenyang.light()).isEqualTo(Board.Light.RED);
        Board.BoardCell dalian = cell(board, "dalian");
        assertThat(dalian.reportOverdue()).isFalse();
        assertThat(dalian.reportDueAt()).isEqualTo(ISSUED.plus(Duration.ofDays(12)));

        assertThat(review.handle(new FindStatistics("osaka", null)).units()).extracting(UnitStatistics::unitId,
                UnitStatistics::reportsOverdue).contains(org.assertj.core.groups.Tuple.tuple("shenyang", 1),
                org.assertj.core.groups.Tuple.tuple("dalian", 0));
        assertThat(review.handle(new FindStatistics("osaka", ISSUED.plus(Duration.ofDays(6)))).units())
                .as("a week not yet gone").allMatch(unit -> unit.reportsOverdue() == 0);

        List<ReportsDue.ReportDue> due = review.handle(new FindReportsDue(NOW)).reports();
        assertThat(due).singleElement().satisfies(report -> {
            assertThat(report.taskId()).isEqualTo("t-shenyang");
            assertThat(report.cooperatingUnits()).containsExactly("anshan");
            assertThat(report.reportEvery()).isEqualTo("P7D");
        });
    }

    @Test
    void theBoardShowsTheLeadAndItsCoOperatingUnitAndTheCoOperatingUnitHasTheTask() {
        Board board = boards.board(new FindBoard("osaka", null));

        assertThat(cell(board, "shenyang").cooperatingUnits()).containsExactly("anshan");
        Board.BoardCell anshan = cell(board, "anshan");
        assertThat(anshan.cooperatesWith()).isEqualTo("shenyang");
        assertThat(anshan.status()).isEqualTo(cell(board, "shenyang").status());
        assertThat(cell(board, "dalian").cooperatingUnits()).isEmpty();

        List<TaskSummary> anshanList = lists.handle(new FindTasks(null, "anshan", "ACTIVE", null, null, 0, 20, null)).items();
        assertThat(anshanList).extracting(TaskSummary::id).containsExactly("t-shenyang");
    }

    private static Board.BoardCell cell(Board board, String unitId) {
        return board.units().stream().filter(unit -> unit.unitId().equals(unitId)).findFirst().orElseThrow()
                .cells().get(0);
    }
}
