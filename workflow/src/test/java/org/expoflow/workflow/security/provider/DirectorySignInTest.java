package org.expoflow.workflow.security.provider;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.expoflow.workflow.security.provider.ProviderBrowser.Page;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.province.ProvinceDirectory;

/**
 * A person signs in with their directory password, on the pages' form and by HTTP Basic, and their directory groups
 * place them; someone the groups do not place is told whom to ask; a wrong directory password is a wrong password.
 */
@ProvinceSignInTest
class DirectorySignInTest {

    private static final Pattern TASK_LINK = Pattern.compile("href=\"/tasks/([A-Za-z0-9-]+)\"");

    @LocalServerPort
    int port;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private record Answer(int status, String body) {
    }

    private Answer basic(String user, String password) {
        return TestClients.rest(base()).get().uri("/api/tasks").headers(h -> h.setBasicAuth(user, password))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Test
    void aClerkSignsInWithTheirDirectoryPasswordAndLandsOnTheirUnitsTaskList() throws Exception {
        Page landed = new ProviderBrowser().signInOnForm(base(), ProvinceDirectory.ANSHAN_CLERK, ProvinceDirectory.PASSWORD);

        assertThat(landed.uri().toString()).isEqualTo(base() + "/tasks");
        assertThat(landed.body()).contains("当前用户：" + ProvinceDirectory.ANSHAN_CLERK);
        Set<String> anshans = taskIds(PageSession.signedIn(base(), "anshan").get("/tasks"));
        assertThat(anshans).isNotEmpty();
        assertThat(taskIds(landed.body())).isEqualTo(anshans);
        String signIns = TestClients.rest(base()).get().uri("/api/audit?actor=" + ProvinceDirectory.ANSHAN_CLERK
                + "&action=AUTHENTICATION_SUCCESS").headers(h -> h.setBasicAuth("auditor", "demo")).retrieve().body(String.class);
        assertThat(signIns).contains("via=directory (sign-in form)");
    }

    @Test
    void theDirectoryPasswordOpensTheApiByHttpBasicToo() throws Exception {
        Answer answer = basic(ProvinceDirectory.ANSHAN_CLERK, ProvinceDirectory.PASSWORD);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode tasks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
        assertThat(tasks.get("items").findValuesAsText("unitId")).isNotEmpty().containsOnly("anshan");

        assertThat(new ProviderBrowser().signInOnForm(base(), ProvinceDirectory.LEADER, ProvinceDirectory.PASSWORD).uri()
                .toString()).isEqualTo(base() + "/board");
    }

    @Test
    void aWrongDirectoryPasswordIsAWrongPassword() throws Exception {
        assertThat(basic(ProvinceDirectory.ANSHAN_CLERK, "not-the-password").status()).isEqualTo(401);
        Page refused = new ProviderBrowser().signInOnForm(base(), ProvinceDirectory.LEADER, "not-the-password");
        assertThat(refused.uri().toString()).isEqualTo(base() + "/login?error");
        assertThat(refused.body()).contains("用户名或密码不正确");
    }

    @Test
    void someoneTheDirectoryKnowsButExpoFlowCannotPlaceIsToldWhomToAsk() throws Exception {
        ProviderBrowser browser = new ProviderBrowser();
        Page refused = browser.signInOnForm(base(), ProvinceDirectory.STRANGER, ProvinceDirectory.PASSWORD);
        assertThat(refused.uri().toString()).isEqualTo(base() + "/login?refused=NO_ROLE");
        assertThat(refused.body()).contains("请联系省商务厅会展办的系统管理员");
        assertThat(browser.open(base() + "/tasks").uri().getPath()).isEqualTo("/login");

        Answer answer = basic(ProvinceDirectory.STRANGER, ProvinceDirectory.PASSWORD);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("没有对应的角色或单位");
    }

    @Test
    void theDirectorysNamesakeOfALocalAccountIsRefusedAndTheLocalAccountKeepsItsRole() throws Exception {
        ProviderBrowser browser = new ProviderBrowser();
        Page refused = browser.signInOnForm(base(), ProvinceDirectory.ADMIN_NAMESAKE, ProvinceDirectory.PASSWORD);
        assertThat(refused.uri().toString()).isEqualTo(base() + "/login?refused=LOCAL_ACCOUNT");
        assertThat(refused.body()).contains("ExpoFlow 自有账号").contains("请联系省商务厅会展办的系统管理员");
        assertThat(browser.open(base() + "/admin/units").uri().getPath()).as("not signed in as the administrator")
                .isEqualTo("/login");

        Answer answer = basic(ProvinceDirectory.ADMIN_NAMESAKE, ProvinceDirectory.PASSWORD);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("ExpoFlow 自有账号");

        // the local administrator is as they were, and signs in with their own password
        String users = TestClients.rest(base()).get().uri("/api/admin/users").headers(h -> h.setBasicAuth("security", "demo"))
                .retrieve().body(String.class);
        assertThat(users).containsPattern("\"username\":\"admin\",\"role\":\"ADMIN\"");
        assertThat(basic("admin", "demo").status()).isEqualTo(200);
        String failures = TestClients.rest(base()).get().uri("/api/audit?actor=admin&action=AUTHENTICATION_FAILURE")
                .headers(h -> h.setBasicAuth("auditor", "demo")).retrieve().body(String.class);
        assertThat(failures).contains("NotKnownHere").contains("LOCAL_ACCOUNT").contains("via=directory (sign-in form)")
                .contains("via=directory (HTTP Basic)");
    }

    private static Set<String> taskIds(String html) {
        return TASK_LINK.matcher(html).results().map(link -> link.group(1)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
