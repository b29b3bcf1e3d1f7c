package org.expoflow.workflow.security.provider;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.expoflow.workflow.security.provider.ProviderBrowser.Page;
import org.expoflow.workflow.web.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.gov.province.ProvinceIdentityProvider;
import cn.gov.province.ProvinceIdentityProvider.Person;

/**
 * A person signs in to the pages through the province's identity provider, with its button on the sign-in page,
 * the provider's own form and the authorization-code flow, and lands at their home as the groups place them; the
 * provider's person ExpoFlow cannot place is told why and whom to ask, and stays signed out.
 */
@ProvinceSignInTest
class OidcSignInTest {

    private static final Pattern TASK_LINK = Pattern.compile("href=\"/tasks/([A-Za-z0-9-]+)\"");

    @LocalServerPort
    int port;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Clicks the provider's button on ExpoFlow's sign-in page and signs in on the provider's form. */
    private Page signInThroughProvince(ProviderBrowser browser, Person person) throws Exception {
        Page signInPage = browser.open(base() + "/login");
        assertThat(signInPage.body()).contains("href=\"/oauth2/authorization/oidc\"").contains("使用省统一身份认证登录");
        Page providerForm = browser.open(base() + "/oauth2/authorization/oidc");
        assertThat(providerForm.uri().toString()).startsWith(ProvinceIdentityProvider.issuer());
        return browser.signInAtProvider(providerForm, person.username, ProvinceIdentityProvider.PASSWORD, null);
    }

    @Test
    void aCityClerkSignsInThroughTheProvinceAndLandsOnTheirUnitsTaskList() throws Exception {
        ProviderBrowser browser = new ProviderBrowser();
        Page landed = signInThroughProvince(browser, Person.ZHANG_WEI);

        assertThat(landed.uri().toString()).isEqualTo(base() + "/tasks");
        assertThat(landed.status()).isEqualTo(200);
        assertThat(landed.body()).contains("当前用户：zhang.wei").contains("我的任务");
        // Shenyang's steps, exactly those the unit's own demo clerk sees, and none of Dalian's
        Set<String> shenyangs = taskIds(PageSession.signedIn(base(), "shenyang").get("/tasks"));
        Set<String> dalians = taskIds(PageSession.signedIn(base(), "dalian").get("/tasks"));
        assertThat(shenyangs).isNotEmpty();
        assertThat(taskIds(landed.body())).isEqualTo(shenyangs).doesNotContainAnyElementsOf(dalians);
        // a step of the unit opens; one of Dalian's does not
        assertThat(browser.open(base() + "/tasks/" + shenyangs.iterator().next()).status()).isEqualTo(200);
        assertThat(browser.open(base() + "/tasks/" + dalians.iterator().next()).status()).isIn(403, 404);

        // kept in the user list, as the provider placed them, so that the unit's notices reach them too
        String users = TestClients.rest(base()).get().uri("/api/admin/users").headers(h -> h.setBasicAuth("security", "demo"))
                .retrieve().body(String.class);
        assertThat(users).containsPattern("\"username\":\"zhang.wei\",\"role\":\"CITY\",\"unitId\":\"shenyang\"");

        assertThat(ProvinceSignInTest.Province.EVENTS).anySatisfy(event -> {
            assertThat(event).isInstanceOf(AuthenticationSuccessEvent.class);
            assertThat(event.getAuthentication().getName()).isEqualTo("zhang.wei");
        });
    }

    @Test
    void theExpoOfficeSignsInThroughTheProvinceAndLandsOnTheConsole() throws Exception {
        Page landed = signInThroughProvince(new ProviderBrowser(), Person.LI_NA);

        assertThat(landed.uri().toString()).isEqualTo(base() + "/console");
        assertThat(landed.status()).isEqualTo(200);
        assertThat(landed.body()).contains("当前用户：li.na");
    }

    @Test
    void someoneTheProvinceKnowsButExpoFlowCannotPlaceIsToldWhomToAskAndStaysSignedOut() throws Exception {
        ProviderBrowser browser = new ProviderBrowser();
        Page refused = signInThroughProvince(browser, Person.ZHAO_LEI);

        assertThat(refused.uri().toString()).isEqualTo(base() + "/login?refused=NO_ROLE");
        assertThat(refused.body()).contains("没有对应的角色或单位").contains("请联系省商务厅会展办的系统管理员");
        // nothing of the attempt stays signed in: the pages send the browser back to the sign-in form
        Page after = browser.open(base() + "/tasks");
        assertThat(after.uri().getPath()).isEqualTo("/login");
        assertThat(after.body()).doesNotContain("zhao.lei");
        String users = TestClients.rest(base()).get().uri("/api/admin/users").headers(h -> h.setBasicAuth("security", "demo"))
                .retrieve().body(String.class);
        assertThat(users).doesNotContain("zhao.lei");
        assertThat(ProvinceSignInTest.Province.EVENTS).anySatisfy(event -> {
            assertThat(event).isInstanceOf(AbstractAuthenticationFailureEvent.class);
            assertThat(((AbstractAuthenticationFailureEvent) event).getException()).isInstanceOf(NotKnownHere.class);
        });
    }

    @Test
    void theProvincesNamesakeOfALocalAccountIsRefusedAndTheLocalAccountKeepsItsRole() throws Exception {
        ProviderBrowser browser = new ProviderBrowser();
        Page refused = signInThroughProvince(browser, Person.AUDITOR_NAMESAKE);

        assertThat(refused.uri().toString()).isEqualTo(base() + "/login?refused=LOCAL_ACCOUNT");
        assertThat(refused.body()).contains("ExpoFlow 自有账号").contains("请联系省商务厅会展办的系统管理员");
        assertThat(browser.open(base() + "/console").uri().getPath()).as("not signed in as the auditor").isEqualTo("/login");
        // the local auditor is as they were: still the auditor, their own password still theirs
        String users = TestClients.rest(base()).get().uri("/api/admin/users").headers(h -> h.setBasicAuth("security", "demo"))
                .retrieve().body(String.class);
        assertThat(users).containsPattern("\"username\":\"auditor\",\"role\":\"AUDITOR\"");
        // and the auditor reads the refusal in the log
        String failures = TestClients.rest(base()).get().uri("/api/audit?actor=auditor&action=AUTHENTICATION_FAILURE")
                .headers(h -> h.setBasicAuth("auditor", "demo")).retrieve().body(String.class);
        assertThat(failures).contains("NotKnownHere").contains("LOCAL_ACCOUNT").contains("via=OpenID Connect");
    }

    @Test
    void thePersonTheProvinceAddsAndTheUnitItMovesThemToAreInTheAuditLog() throws Exception {
        Page landed = signInThroughProvince(new ProviderBrowser(), Person.WU_GANG);
        assertThat(landed.uri().toString()).isEqualTo(base() + "/tasks");

        JsonNode created = single(audit("actor=wu.gang&action=USER_CREATED"));
        assertThat(created.get("what").asText()).contains("user=wu.gang").contains("role=CITY").contains("unit=dalian")
                .contains("by=province sign-in");
        assertThat(created.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(created.get("at").asText()).isNotBlank();
        assertThat(audit("actor=wu.gang&action=USER_ROLE_CHANGED")).as("placed, not changed").isEmpty();

        ProvinceIdentityProvider.moveTo(Person.WU_GANG, "unit-anshan");
        assertThat(signInThroughProvince(new ProviderBrowser(), Person.WU_GANG).uri().toString()).isEqualTo(base() + "/tasks");

        JsonNode moved = single(audit("actor=wu.gang&action=USER_ROLE_CHANGED"));
        assertThat(moved.get("what").asText()).contains("user=wu.gang").contains("unit=anshan").contains("unitBefore=dalian")
                .contains("role=CITY").contains("by=province sign-in");
        assertThat(moved.get("address").asText()).isEqualTo("127.0.0.1");
        // signing in again as they are changes nothing, and says nothing
        signInThroughProvince(new ProviderBrowser(), Person.WU_GANG);
        assertThat(audit("actor=wu.gang&action=USER_ROLE_CHANGED")).hasSize(1);
        assertThat(audit("actor=wu.gang&action=USER_CREATED")).hasSize(1);
        // each sign-in says it came through the province's pages, not HTTP Basic
        assertThat(audit("actor=wu.gang&action=AUTHENTICATION_SUCCESS")).hasSize(3).allSatisfy(entry ->
                assertThat(entry.get("what").asText()).startsWith("via=OpenID Connect").doesNotContain("HTTP Basic"));
    }

    private java.util.List<JsonNode> audit(String query) throws Exception {
        String body = TestClients.rest(base()).get().uri("/api/audit?" + query).headers(h -> h.setBasicAuth("auditor", "demo"))
                .retrieve().body(String.class);
        java.util.List<JsonNode> entries = new java.util.ArrayList<>();
        new ObjectMapper().readTree(body).forEach(entries::add);
        return entries;
    }

    private static JsonNode single(java.util.List<JsonNode> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    @Test
    void someoneTheProvinceMakesTwoThingsIsRefusedNotRanked() throws Exception {
        ProviderBrowser browser = new ProviderBrowser();
        Page refused = signInThroughProvince(browser, Person.CHEN_JIE);

        assertThat(refused.uri().toString()).isEqualTo(base() + "/login?refused=SEVERAL_ROLES");
        assertThat(refused.body()).contains("多个 ExpoFlow 角色或单位").contains("请联系省商务厅会展办的系统管理员");
        assertThat(browser.open(base() + "/console").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void signingOutEndsTheSessionAtTheProvinceTooAndComesBackToTheSignInPage() throws Exception {
        ProviderBrowser browser = new ProviderBrowser();
        signInThroughProvince(browser, Person.ZHANG_WEI);

        Page atTheProvider = browser.signOut(base(), ProvinceIdentityProvider.issuer());

        assertThat(atTheProvider.uri().toString()).startsWith(ProvinceIdentityProvider.issuer() + "/connect/logout");
        assertThat(URLDecoder.decode(atTheProvider.uri().getRawQuery(), StandardCharsets.UTF_8)).contains("id_token_hint=")
                .contains("post_logout_redirect_uri=" + base() + "/login?signedOut");
        assertThat(browser.open(base() + "/tasks").uri().getPath()).as("signed out of ExpoFlow").isEqualTo("/login");
    }

    @Test
    void theDemoUsersStillSignInWithTheirPasswords() throws Exception {
        ProviderBrowser browser = new ProviderBrowser();
        browser.signInOnForm(base(), "shenyang", "demo");
        assertThat(browser.signOut(base(), null).uri().toString()).as("no provider to leave")
                .isEqualTo(base() + "/login?signedOut");
        assertThat(taskIds(PageSession.signedIn(base(), "shenyang").get("/tasks"))).isNotEmpty();
        assertThat(TestClients.rest(base()).get().uri("/api/tasks").headers(h -> h.setBasicAuth("coordinator", "demo"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    private static Set<String> taskIds(String html) {
        Matcher links = TASK_LINK.matcher(html);
        return links.results().map(link -> link.group(1)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
