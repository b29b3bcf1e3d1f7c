package org.expoflow.workflow.api;

import org.expoflow.workflow.TestClients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * The security administrator adds the people who sign in; a new city clerk changes the first password before anything
 * else, then sees their own unit's work only. The system's administrator and the auditor manage no one.
 */
@ExpoFlowTest
class UserAdministrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void theSecurityAdministratorAddsACityClerkWhoChoosesTheirOwnPasswordAtFirstSignIn() {
        ExpoFlowClient security = ExpoFlowClient.as(base(), "security");
        Answer added = security.post("/api/admin/users", map("username", "dalian-clerk", "password", "Xinghai-Square-2030",
                "role", "CITY", "unitId", "dalian", "displayName", "Dalian clerk"));
        assertThat(added.status().value()).isEqualTo(201);

        String hash = jdbc.queryForObject("select password_hash from expoflow_user where username = 'dalian-clerk'", String.class);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("Xinghai");
        assertThat(security.get("/api/admin/users").body().toString()).contains("dalian-clerk").doesNotContain("bcrypt");

        Answer first = ExpoFlowClient.as(base(), "dalian-clerk", "Xinghai-Square-2030").get("/api/tasks");
        assertThat(first.status().value()).as("the first password opens nothing but its change").isEqualTo(403);
        assertThat(first.field("field")).isEqualTo("password");
        assertThat(first.field("detail")).contains("修改密码");
        assertThat(signIn("dalian-clerk", "Xinghai-Square-2031")).isEqualTo(401);

        ExpoFlowClient clerk = ExpoFlowClient.as(base(), "dalian-clerk", "Xinghai-Square-2030");
        assertThat(clerk.put("/api/me/password", map("currentPassword", "Xinghai-Square-2030", "password", "Xinghai-Square-2030"))
                .field("detail")).as("the first password again is a reuse").contains("最近 5 次");
        assertThat(clerk.put("/api/me/password", map("currentPassword", "Xinghai-Square-2030", "password", "Laohutan-2031"))
                .status().value()).isEqualTo(204);
        assertThat(signIn("dalian-clerk", "Xinghai-Square-2030")).as("the old password, even just used").isEqualTo(401);
        assertThat(signIn("dalian-clerk", "Laohutan-2031")).isEqualTo(200);

        assertThat(security.put("/api/admin/users/dalian-clerk/password", map("password", "Bangchui-Island-2031"))
                .status().value()).isEqualTo(204);
        assertThat(signIn("dalian-clerk", "Bangchui-Island-2031")).as("a reset password must be changed too").isEqualTo(403);
    }

    @Test
    void noneOfTheLastFivePasswordsComesBack() {
        ExpoFlowClient.newUser(base(), map("username", "jinzhou-clerk", "password", "Bijiashan-2030", "role", "CITY",
                "unitId", "jinzhou"));
        String current = "Bijiashan-2030";
        for (int change = 1; change <= 5; change++) {
            String next = "Bijiashan-203" + change + "x";
            assertThat(ExpoFlowClient.as(base(), "jinzhou-clerk", current).put("/api/me/password",
                    map("currentPassword", current, "password", next)).status().value()).isEqualTo(204);
            current = next;
        }
        ExpoFlowClient clerk = ExpoFlowClient.as(base(), "jinzhou-clerk", current);
        Answer reused = clerk.put("/api/me/password", map("currentPassword", current, "password", "Bijiashan-2031x"));
        assertThat(reused.field("detail")).contains("最近 5 次");
        assertThat(reused.status().value()).isEqualTo(400);
        assertThat(reused.field("field")).isEqualTo("password");
        assertThat(clerk.put("/api/me/password", map("currentPassword", current, "password", "Bijiashan-2030"))
                .status().value()).as("the sixth from now may come back").isEqualTo(204);
    }

    @Test
    void aRefusedPasswordNamesTheRuleItBreaksAndNothingIsWritten() {
        ExpoFlowClient security = ExpoFlowClient.as(base(), "security");
        Answer tooShort = security.post("/api/admin/users", map("username", "x-clerk", "password", "Ab1-x", "role", "LEADER"));
        assertThat(tooShort.field("field")).isEqualTo("password");
        assertThat(tooShort.field("detail")).contains("长度").contains("8");
        Answer twoClasses = security.post("/api/admin/users", map("username", "x-clerk", "password", "xinghaisquare2030",
                "role", "LEADER"));
        assertThat(twoClasses.field("field")).isEqualTo("password");
        assertThat(twoClasses.field("detail")).contains("至少 3 类");
        assertThat(security.post("/api/admin/users", map("username", "x-clerk", "password", "My-Demo-Password-1", "role", "LEADER"))
                .field("detail")).contains("演示密码");
        assertThat(jdbc.queryForObject("select count(*) from expoflow_user where username = 'x-clerk'", Integer.class)).isZero();
    }

    private int signIn(String username, String password) {
        return TestClients.rest(base()).get().uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes()))
                .exchange((request, response) -> response.getStatusCode().value());
    }

    @Test
    void badUsersAreRefusedNamingTheField() {
        ExpoFlowClient security = ExpoFlowClient.as(base(), "security");
        assertThat(security.post("/api/admin/users", map("username", "x-clerk", "password", "Xinghai-Square-2030", "role", "CITY"))
                .field("field")).isEqualTo("unitId");
        assertThat(security.post("/api/admin/users", map("username", "X Clerk", "password", "Xinghai-Square-2030", "role", "LEADER"))
                .field("field")).isEqualTo("username");
        assertThat(security.post("/api/admin/users", map("username", "leader", "password", "Xinghai-Square-2030", "role", "LEADER"))
                .status().value()).isEqualTo(409);
        for (String someoneElse : new String[] {"coordinator", "admin", "auditor"}) {
            assertThat(ExpoFlowClient.as(base(), someoneElse).post("/api/admin/users",
                    map("username", "y-clerk", "password", "Xinghai-Square-2030", "role", "LEADER")).status().value())
                    .as(someoneElse + " manages no one").isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("select count(*) from expoflow_user where username in ('x-clerk', 'y-clerk')", Integer.class))
                .isZero();
    }

    @Test
    void theSecurityAdministratorMovesAClerkToAnotherUnitAndGivesAnotherRoleWhichTheLogKeeps() {
        ExpoFlowClient.newUser(base(), map("username", "fushun-moved", "password", "Hunhe-River-2030", "role", "CITY",
                "unitId", "fushun"));
        ExpoFlowClient security = ExpoFlowClient.as(base(), "security");

        assertThat(security.put("/api/admin/users/fushun-moved/role", map("role", "CITY", "unitId", "benxi")).status().value())
                .isEqualTo(204);
        assertThat(jdbc.queryForMap("select role, unit_id from expoflow_user where username = 'fushun-moved'"))
                .containsEntry("ROLE", "CITY").containsEntry("UNIT_ID", "benxi");
        ExpoFlowClient moved = ExpoFlowClient.as(base(), "fushun-moved", "Hunhe-River-2030");
        assertThat(moved.get("/api/meetings?expoId=none").status().value()).as("a clerk's").isEqualTo(403);

        assertThat(security.put("/api/admin/users/fushun-moved/role", map("role", "LEADER")).status().value()).isEqualTo(204);
        assertThat(jdbc.queryForMap("select role, unit_id from expoflow_user where username = 'fushun-moved'"))
                .containsEntry("ROLE", "LEADER").containsEntry("UNIT_ID", null);
        assertThat(moved.get("/api/meetings?expoId=none").status().value()).as("a Basic caller is what the directory says at each call")
                .isNotEqualTo(403);

        assertThat(jdbc.queryForList("select what from audit_entry where action = 'USER_ROLE_CHANGED' and actor = 'security'"
                + " and what like '%user=fushun-moved%' order by id", String.class))
                .containsExactly("user=fushun-moved; role=CITY; unit=benxi; roleBefore=CITY; unitBefore=fushun",
                        "user=fushun-moved; role=LEADER; roleBefore=CITY; unitBefore=benxi");
    }

    @Test
    void aBadRoleChangeNamesTheFieldAndWritesNothing() {
        ExpoFlowClient.newUser(base(), map("username", "tieling-stays", "password", "Longshou-Hill-2030", "role", "CITY",
                "unitId", "tieling"));
        ExpoFlowClient security = ExpoFlowClient.as(base(), "security");
        String path = "/api/admin/users/tieling-stays/role";

        Answer noUnit = security.put(path, map("role", "CITY"));
        assertThat(noUnit.status().value()).isEqualTo(400);
        assertThat(noUnit.field("field")).isEqualTo("unitId");
        assertThat(security.put(path, map("role", "CITY", "unitId", "atlantis")).field("field")).isEqualTo("unitId");
        assertThat(security.put(path, map("role", "LEADER", "unitId", "tieling")).field("field"))
                .as("only a clerk belongs to a unit").isEqualTo("unitId");
        Answer noSuchRole = security.put(path, map("role", "SUPERUSER"));
        assertThat(noSuchRole.status().value()).isEqualTo(400);
        assertThat(noSuchRole.field("field")).isEqualTo("role");
        assertThat(security.put(path, map("unitId", "tieling")).field("field")).isEqualTo("role");
        assertThat(security.put("/api/admin/users/nobody-here/role", map("role", "LEADER")).status().value()).isEqualTo(404);
        Answer own = security.put("/api/admin/users/security/role", map("role", "AUDITOR"));
        assertThat(own.status().value()).isEqualTo(400);
        assertThat(own.field("field")).isEqualTo("role");
        for (String someoneElse : new String[] {"coordinator", "admin", "auditor", "tieling"}) {
            assertThat(ExpoFlowClient.as(base(), someoneElse).put(path, map("role", "LEADER")).status().value())
                    .as(someoneElse + " changes no one's role").isEqualTo(403);
        }

        assertThat(jdbc.queryForMap("select role, unit_id from expoflow_user where username = 'tieling-stays'"))
                .containsEntry("ROLE", "CITY").containsEntry("UNIT_ID", "tieling");
        assertThat(jdbc.queryForMap("select role from expoflow_user where username = 'security'")).containsEntry("ROLE", "SECURITY_ADMIN");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'USER_ROLE_CHANGED'"
                + " and (what like '%user=tieling-stays%' or what like '%user=security;%')", Integer.class)).isZero();
    }

    @Test
    void theSecurityAdministratorAndTheAuditorDoNoneOfTheOfficesWork() {
        for (String path : new String[] {"/api/tasks", "/api/expos", "/api/admin/projections", "/api/inbox"}) {
            assertThat(ExpoFlowClient.as(base(), "security").get(path).status().value()).as("security " + path).isEqualTo(403);
            assertThat(ExpoFlowClient.as(base(), "auditor").get(path).status().value()).as("auditor " + path).isEqualTo(403);
        }
        assertThat(ExpoFlowClient.as(base(), "auditor").get("/api/admin/users").status().value()).isEqualTo(403);
    }
}
