package org.expoflow.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrator's pages are ADMIN's alone, and say no in words under the field at fault: a clerk, the office
 * and leadership get 403 on every one of them and change nothing through them; ADMIN's refused forms show each
 * fault at its field, in Chinese, and nothing is written.
 */
@ExpoFlowTest
class AdminPagesRefusalsTest {

    private static final List<String> PAGES = List.of("/admin", "/admin/units", "/admin/kinds", "/admin/robots",
            "/admin/deliveries", "/admin/read-models");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    /** The text of the field error after the element with this id (the form's field), or empty. */
    private static String errorAfter(String html, String errorId) {
        Matcher error = Pattern.compile("id=\"" + errorId + "\"[^>]*>([^<]*)<").matcher(html);
        return error.find() ? error.group(1) : "";
    }

    private int units() {
        return jdbc.queryForObject("select count(*) from organisation_unit", Integer.class);
    }

    @Test
    void everyoneButAdminGets403OnTheAdministratorsPagesAndChangesNothing() throws Exception {
        for (String user : List.of("shenyang", "coordinator", "leader")) {
            PageSession session = PageSession.signedIn(base(), user);
            for (String page : PAGES) {
                assertThat(session.status(page)).as(user + " " + page).isEqualTo(403);
            }
        }
        PageSession clerk = PageSession.signedIn(base(), "shenyang");
        int before = units();
        // a form from the clerk's own page, whose token the clerk has: the door refuses it, not the token
        assertThat(clerk.postStatus("/tasks", "/admin/units", "unitId", "clerks-unit", "name", "某单位", "kind", "CITY"))
                .isEqualTo(403);
        assertThat(clerk.postStatus("/tasks", "/admin/robots/shenyang", "url", "http://localhost:1/robot")).isEqualTo(403);
        assertThat(units()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from unit_webhook where unit_id = 'shenyang'", Integer.class)).isZero();
        assertThat(PageSession.signedIn(base(), "admin").status("/admin")).isEqualTo(200);
    }

    @Test
    void aRefusedUnitIsToldUnderEachFieldAtFaultAndNotRegistered() throws Exception {
        PageSession admin = PageSession.signedIn(base(), "admin");
        int before = units();

        String page = admin.post("/admin/units", "/admin/units", "unitId", "Shen Yang", "name", " ", "englishName", "x".repeat(301),
                "kind", "CITY", "position", "");
        assertThat(errorAfter(page, "unitIdError")).contains("单位编号").contains("小写英文字母");
        assertThat(errorAfter(page, "nameError")).contains("名称");
        assertThat(errorAfter(page, "englishNameError")).contains("英文名称").contains("300");
        assertThat(units()).isEqualTo(before);

        page = admin.post("/admin/units", "/admin/units", "unitId", "far-away", "name", "远方", "kind", "CITY",
                "position", String.valueOf(before + 5));
        assertThat(errorAfter(page, "positionError")).contains("排列顺序应在 1 到 " + (before + 1) + " 之间");
        page = admin.post("/admin/units", "/admin/units", "unitId", "far-away", "name", "远方", "kind", "CITY", "position", "二");
        assertThat(errorAfter(page, "positionError")).contains("不是整数");
        page = admin.post("/admin/units", "/admin/units", "unitId", "far-away", "name", "远方", "kind", "TOWN");
        assertThat(errorAfter(page, "kindError")).contains("CITY, DEPARTMENT");
        page = admin.post("/admin/units", "/admin/units", "unitId", "shenyang", "name", "沈阳", "kind", "CITY");
        assertThat(errorAfter(page, "unitIdError")).contains("已登记");
        assertThat(units()).isEqualTo(before);

        // a registered unit renamed without a name keeps its name
        page = admin.post("/admin/units", "/admin/units/dalian", "name", "", "englishName", "Dalian", "position", "2");
        assertThat(page).contains("不能为空");
        assertThat(jdbc.queryForObject("select name from organisation_unit where unit_id = 'dalian'", String.class)).isEqualTo("大连市");
    }

    @Test
    void aRefusedRobotKindDeliveryOrRebuildIsToldInWordsAndChangesNothing() throws Exception {
        PageSession admin = PageSession.signedIn(base(), "admin");

        String page = admin.post("/admin/robots", "/admin/robots/tieling", "url", "http://10.0.0.8/hook");
        assertThat(page).contains("不能指向本机或内部网络");
        assertThat(jdbc.queryForObject("select count(*) from unit_webhook where unit_id = 'tieling'", Integer.class)).isZero();
        page = admin.post("/admin/robots", "/admin/robots/tieling/test");
        assertThat(page).contains("铁岭市还没有群机器人");

        int deliveries = jdbc.queryForObject("select count(*) from notification_delivery", Integer.class);
        page = admin.post("/admin/deliveries", "/admin/deliveries/no-such-delivery/retry");
        assertThat(page).contains("没有这条投递记录");
        assertThat(jdbc.queryForObject("select count(*) from notification_delivery", Integer.class)).isEqualTo(deliveries);

        page = admin.post("/admin/read-models", "/admin/read-models/no-such-model/rebuild");
        assertThat(page).contains("没有名为“no-such-model”的读模型");

        // a kind without its file: the refusal is under the file's field (a model the allow-list refuses is the journey's)
        long kinds = ExpoFlowClient.as(base(), "coordinator").get("/api/directive-kinds").body().size();
        page = admin.post("/admin/kinds", "/admin/kinds");
        assertThat(errorAfter(page, "fileError")).contains("请选择要上传的 .bpmn 文件");
        assertThat(ExpoFlowClient.as(base(), "coordinator").get("/api/directive-kinds").body().size()).isEqualTo(kinds);
    }

    @Test
    void theAdministratorLandsOnItsOwnPage() throws IOException, InterruptedException {
        String home = PageSession.signedIn(base(), "admin").get("/");
        assertThat(home).contains("id=\"adminLinks\"").contains("/admin/units").contains("/admin/kinds").contains("/admin/robots")
                .contains("/admin/deliveries").contains("/admin/read-models");
    }
}
