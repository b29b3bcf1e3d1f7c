package org.expoflow.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.expoflow.workflow.PostgresTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * What a clerk's completion, the write the province makes most, asks of PostgreSQL, statement by statement.
 * Each statement kept out below was measured in the write-path benchmark and removed: a snapshot look-up before
 * the step's aggregate is loaded, a second read of its events, the read models' gate passed once per query or
 * projection instead of once per transaction, the deadline's timer looked up by its handler and configuration
 * instead of by its id. Their cost is too small to see in one benchmark run on a shared machine, so a change that
 * brings one back fails here instead. The budget is the count this test found when it was written (every
 * statement of the engine's, Axon's and the read models' included); raise it only for a feature that needs it.
 */
@PostgresTest
class CompletionStatementsOnPostgresTest {

    // 37, and the lock on the board's cell before each of the two task rows' statements (ADR 0034)
    private static final int STATEMENTS_OF_A_COMPLETION = 39;

    private static final List<String> SENT = new CopyOnWriteArrayList<>();
    private static volatile boolean counting;

    @LocalServerPort
    int port;

    @TestConfiguration
    static class StatementsCounted {

        /** Every statement the application sends, each of a batch counted once, with the thread that sent it. */
        @Bean
        static BeanPostProcessor statementsCountedOnTheirWay() {
            QueryExecutionListener listener = new QueryExecutionListener() {
                @Override
                public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                }

                @Override
                public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                    if (!counting || !Thread.currentThread().getName().startsWith("http-nio")) {
                        return; // the completion's request thread only, not the scheduled work beside it
                    }
                    for (QueryInfo query : queries) {
                        int times = Math.max(1, query.getParametersList().size());
                        for (int i = 0; i < times; i++) {
                            SENT.add(query.getQuery().replaceAll("\\s+", " ").strip());
                        }
                    }
                }
            };
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource
                            ? ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(listener).build()
                            : bean;
                }
            };
        }
    }

    @Test
    void aClerksCompletionSendsNoStatementThatWasOnceRemoved() {
        ExpoFlowClient coordinator = ExpoFlowClient.as("http://localhost:" + port, "coordinator");
        ExpoFlowClient shenyang = ExpoFlowClient.as("http://localhost:" + port, "shenyang");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, OsakaFixture.osakaWith(coordinator, "shenyang"), "shenyang");
        String taskId = OsakaFixture.firstActiveTask(shenyang, directiveId);

        SENT.clear();
        counting = true;
        ExpoFlowClient.Answer completed;
        try {
            completed = shenyang.post("/api/tasks/{t}/complete", map("values", map("invitationList", "Osaka buyers")), taskId);
        } finally {
            counting = false;
        }
        assertThat(completed.status().value()).isEqualTo(204);
        List<String> sent = List.copyOf(SENT);
        String all = String.join("\n", sent);

        assertThat(matching(sent, "snapshot_event_entry")).as("a snapshot looked up, though none is ever taken:\n" + all).isZero();
        assertThat(matching(sent, "from domain_event_entry where")).as("the step's events read once, when it is loaded:\n" + all)
                .isEqualTo(1);
        assertThat(matching(sent, "pg_advisory_xact_lock_shared")).as("the read models' gate passed once a transaction:\n" + all)
                .isEqualTo(1);
        assertThat(sent.stream().filter(sql -> lower(sql).startsWith("select") && lower(sql).contains("from act_ru_job")
                && lower(sql).contains("handler_cfg_")).count()).as("the deadline's timer found by its id, not by its configuration:\n" + all)
                .isZero();
        assertThat(matching(sent, "delete from act_ru_job")).as("the deadline's timer deleted with the step:\n" + all)
                .isEqualTo(1);
        assertThat(sent).as("the statements of one completion:\n" + all).hasSizeLessThanOrEqualTo(STATEMENTS_OF_A_COMPLETION);
    }

    private static long matching(List<String> sent, String fragment) {
        return sent.stream().filter(sql -> lower(sql).contains(fragment)).count();
    }

    private static String lower(String sql) {
        return sql.toLowerCase(Locale.ROOT);
    }
}
