package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A province's expo issues hundreds of directives, so the board comes a page of directives at a time when asked:
 * page 0 holds the newest, each page in the board's order (oldest first), now or as of an earlier instant, with
 * every unit's cells of those directives only; the page says which it is and how many there are. Without a page
 * the board holds every directive, as before. The board page shows 20 at a time, newest first, with links to the
 * older and newer ones.
 */
@ExpoFlowTest
class BoardPagesTest {

    @LocalServerPort
    int port;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    private String issue(String expoId, String title) {
        return as("coordinator").post("/api/directives", map("expoId", expoId, "kind", "invite-buyers", "title", title,
                "dueOn", "2030-02-01", "unitIds", List.of("liaoyang"))).field("id");
    }

    private static List<String> titles(JsonNode board) {
        return StreamSupport.stream(board.path("directives").spliterator(), false).map(d -> d.path("title").asText()).toList();
    }

    private static List<String> cellDirectives(JsonNode board) {
        List<String> directives = new ArrayList<>();
        board.path("units").forEach(unit -> unit.path("cells").forEach(cell -> directives.add(cell.path("directiveId").asText())));
        return directives;
    }

    @Test
    void theBoardComesAPageOfDirectivesAtATimeNewestFirstNowAndAsOfBefore() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "liaoyang");
        String first = issue(expoId, "first");
        String second = issue(expoId, "second");
        Instant beforeTheThird = Instant.now();
        // the third is issued on a later millisecond than the instant asked for (events are stored to the millisecond)
        await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(beforeTheThird.plusMillis(1)));
        String third = issue(expoId, "third");

        JsonNode newest = as("leader").get("/api/expos/{e}/board?size=2", expoId).body();
        assertThat(titles(newest)).containsExactly("second", "third");
        assertThat(cellDirectives(newest)).containsExactlyInAnyOrder(second, third);
        assertThat(newest.path("page").path("page").asInt()).isZero();
        assertThat(newest.path("page").path("total").asInt()).isEqualTo(3);
        assertThat(newest.path("page").path("pages").asInt()).isEqualTo(2);

        JsonNode older = as("leader").get("/api/expos/{e}/board?page=1&size=2", expoId).body();
        assertThat(titles(older)).containsExactly("first");
        assertThat(cellDirectives(older)).containsExactly(first);

        JsonNode then = as("leader").get("/api/expos/{e}/board?size=2&asOf={a}", expoId, beforeTheThird).body();
        assertThat(titles(then)).as("the third was not issued yet").containsExactly("first", "second");
        assertThat(then.path("page").path("total").asInt()).isEqualTo(2);

        assertThat(titles(as("leader").get("/api/expos/{e}/board?page=1", expoId).body()))
                .as("a page past the last holds nothing (20 a page when no size is given)").isEmpty();
        JsonNode whole = as("leader").get("/api/expos/{e}/board", expoId).body();
        assertThat(titles(whole)).containsExactly("first", "second", "third");
        assertThat(whole.has("page")).as("the whole board is not a page").isFalse();

        JsonNode city = as("liaoyang").get("/api/expos/{e}/board?size=1", expoId).body();
        assertThat(titles(city)).containsExactly("third");
        assertThat(city.path("units")).hasSize(1);
    }

    @Test
    void aPageOrSizeOutOfRangeIsRefusedNamingIt() {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "liaoyang");

        ExpoFlowClient.Answer noSize = as("leader").get("/api/expos/{e}/board?size=0", expoId);
        assertThat(noSize.status().value()).isEqualTo(400);
        assertThat(noSize.field("field")).isEqualTo("size");
        ExpoFlowClient.Answer tooMany = as("leader").get("/api/expos/{e}/board?size=201", expoId);
        assertThat(tooMany.field("field")).isEqualTo("size");
        ExpoFlowClient.Answer before = as("leader").get("/api/expos/{e}/board?page=-1", expoId);
        assertThat(before.status().value()).isEqualTo(400);
        assertThat(before.field("field")).isEqualTo("page");
    }

    @Test
    void theBoardPageShowsTwentyDirectivesNewestFirstAndLeadsToTheOlderOnes() throws Exception {
        String expoId = OsakaFixture.osakaWith(as("coordinator"), "liaoyang");
        for (int i = 1; i <= 21; i++) {
            issue(expoId, String.format("directive %02d", i));
        }
        PageSession leader = PageSession.signedIn("http://localhost:" + port, "leader");

        String newest = leader.get("/board?expoId=" + expoId);
        assertThat(newest).contains("directive 02").contains("directive 21").doesNotContain("directive 01")
                .contains("id=\"olderDirectives\"").doesNotContain("id=\"newerDirectives\"").contains("第 1 页，共 2 页（21 项督办事项）");
        String oldest = leader.get("/board?expoId=" + expoId + "&page=1");
        assertThat(oldest).contains("directive 01").doesNotContain("directive 02").contains("id=\"newerDirectives\"")
                .doesNotContain("id=\"olderDirectives\"");
    }
}
