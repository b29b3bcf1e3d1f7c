package org.expoflow.workflow.security.provider;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.expoflow.workflow.security.provider.ProviderBrowser.Page;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;

import cn.gov.province.ProvinceIdentityProvider;
import cn.gov.province.ProvinceIdentityProvider.Person;

/**
 * Another of the province's systems calls ExpoFlow's API with the access token the province's provider gave its
 * user, and no password: the token's groups place the person as signing in to the pages does.
 */
@ProvinceSignInTest
class ProviderBearerTokenTest {

    @LocalServerPort
    int port;

    private RestClient api() {
        return TestClients.rest("http://127.0.0.1:" + port);
    }

    /** The access token the reporting tool gets for the person, through the authorization-code flow at the provider. */
    private static String accessTokenOf(Person person) throws Exception {
        String issuer = ProvinceIdentityProvider.issuer();
        ProviderBrowser browser = new ProviderBrowser();
        String authorize = UriComponentsBuilder.fromUriString(issuer + "/oauth2/authorize").queryParam("response_type", "code")
                .queryParam("client_id", ProvinceIdentityProvider.API_CLIENT_ID).queryParam("scope", "openid profile")
                .queryParam("redirect_uri", ProvinceIdentityProvider.API_CLIENT_REDIRECT).queryParam("state", "report-1")
                .encode().toUriString();
        Page form = browser.open(authorize);
        Page back = browser.signInAtProvider(form, person.username, ProvinceIdentityProvider.PASSWORD,
                ProvinceIdentityProvider.API_CLIENT_REDIRECT);
        assertThat(back.uri().toString()).startsWith(ProvinceIdentityProvider.API_CLIENT_REDIRECT);
        String code = UriComponentsBuilder.fromUri(back.uri()).build().getQueryParams().getFirst("code");
        JsonNode tokens = TestClients.rest(issuer).post().uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(ProvinceIdentityProvider.API_CLIENT_ID, ProvinceIdentityProvider.API_CLIENT_SECRET))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=authorization_code&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                        + "&redirect_uri=" + URLEncoder.encode(ProvinceIdentityProvider.API_CLIENT_REDIRECT, StandardCharsets.UTF_8))
                .retrieve().body(JsonNode.class);
        return tokens.get("access_token").asText();
    }

    private record Answer(int status, String body, String challenge) {
    }

    private Answer call(String method, String path, String token, String body) {
        return api().method(org.springframework.http.HttpMethod.valueOf(method)).uri(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).body(body == null ? "" : body)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
                        response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)));
    }

    @Test
    void aClerksTokenReadsTheirUnitsTasksAndNothingOfTheOffices() throws Exception {
        String token = accessTokenOf(Person.LIU_YANG);

        JsonNode tasks = api().get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve().body(JsonNode.class);
        assertThat(tasks.get("items")).isNotEmpty();
        assertThat(tasks.get("items")).allSatisfy(task -> assertThat(task.get("unitId").asText()).isEqualTo("dalian"));
        // the office's door is closed to a clerk, whichever way they signed in
        assertThat(call("POST", "/api/expos", token, "{\"name\":\"x\",\"venue\":\"y\",\"opensOn\":\"2030-01-01\",\"closesOn\":\"2030-01-02\"}")
                .status()).isEqualTo(403);
        assertThat(ProvinceSignInTest.Province.EVENTS).anySatisfy(event -> {
            assertThat(event).isInstanceOf(AuthenticationSuccessEvent.class);
            assertThat(event.getAuthentication().getName()).isEqualTo("liu.yang");
        });
        assertThat(audit("actor=liu.yang&action=AUTHENTICATION_SUCCESS")).contains("via=bearer token").doesNotContain("HTTP Basic");
    }

    private String audit(String query) {
        return api().get().uri("/api/audit?" + query).headers(h -> h.setBasicAuth("auditor", "demo")).retrieve().body(String.class);
    }

    @Test
    void theExpoOfficesTokenOpensTheOfficesDoor() throws Exception {
        String token = accessTokenOf(Person.LI_NA);

        JsonNode tasks = api().get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve().body(JsonNode.class);
        assertThat(tasks.get("items").findValuesAsText("unitId")).contains("shenyang", "dalian");
    }

    @Test
    void aTokenNotSignedByTheProviderOpensNothing() throws Exception {
        String token = accessTokenOf(Person.LIU_YANG);
        String[] parts = token.split("\\.");
        // the same header and claims under another signature: as if forged
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        Answer answer = call("GET", "/api/tasks", forged, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.challenge()).startsWith("Bearer").contains("invalid_token");
        assertThat(answer.body()).contains("访问令牌无效或已过期");
        assertThat(call("GET", "/api/tasks", "not-a-token", null).status()).isEqualTo(401);
        // the refusal is kept, saying a bearer token was refused, and the token itself nowhere
        String failures = audit("action=AUTHENTICATION_FAILURE");
        assertThat(failures).contains("\"actor\":\"(bearer token)\"").contains("via=bearer token").doesNotContain(parts[1])
                .doesNotContain("not-a-token");
    }

    @Test
    void theTokenOfSomeoneExpoFlowCannotPlaceIsRefusedWithWhomToAsk() throws Exception {
        String token = accessTokenOf(Person.ZHAO_LEI);

        Answer answer = call("GET", "/api/tasks", token, null);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("没有对应的角色或单位").contains("请联系省商务厅会展办的系统管理员");
        assertThat(ProvinceSignInTest.Province.EVENTS).anySatisfy(event -> {
            assertThat(event).isInstanceOf(AbstractAuthenticationFailureEvent.class);
            assertThat(event.getAuthentication().getPrincipal()).isEqualTo(token);
        });
    }

    @Test
    void httpBasicWithExpoFlowsOwnUsersKeepsWorking() {
        assertThat(api().get().uri("/api/tasks").headers(h -> h.setBasicAuth("shenyang", "demo")).retrieve()
                .body(JsonNode.class).get("items").findValuesAsText("unitId")).isNotEmpty().containsOnly("shenyang");
        int wrongPassword = api().get().uri("/api/tasks").headers(h -> h.setBasicAuth("shenyang", "wrong"))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(wrongPassword).isEqualTo(401);
    }
}
