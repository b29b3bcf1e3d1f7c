package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.expoflow.workflow.ExpoFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page's links go out as its template writes them, and the scripts and styles they name are served: the board's
 * charts (ECharts), the forms' partial updates (htmx) and the style sheet, from version-free paths.
 */
@ExpoFlowTest
class PagesLoadTheirScriptsTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:webjars|css|js)/[^\"]+)\"");
    private static final Pattern STEP_LINK = Pattern.compile("href=\"(/tasks/[A-Za-z0-9-]+)\"");

    @LocalServerPort
    int port;

    @Test
    void theBoardAndTheTaskListNameTheirScriptsByPathsThatAreServed() throws Exception {
        PageSession leader = PageSession.signedIn("http://localhost:" + port, "leader");
        String board = leader.get("/board");
        List<String> assets = ASSET.matcher(board).results().map(found -> found.group(1)).distinct().toList();

        assertThat(assets).anyMatch(path -> path.startsWith("/webjars/echarts/")).anyMatch(path -> path.startsWith("/webjars/htmx.org/"))
                .anyMatch(path -> path.startsWith("/css/"));
        for (String asset : assets) {
            assertThat(leader.status(asset)).as(asset).isEqualTo(200);
        }

        String tasks = PageSession.signedIn("http://localhost:" + port, "shenyang").get("/tasks");
        Matcher step = STEP_LINK.matcher(tasks);
        assertThat(step.find()).as("the list links each step by its own path").isTrue();
    }
}
