package org.expoflow.workflow.api;

import org.expoflow.workflow.ExpoFlowTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/** ADMIN adds the people who sign in; a new city clerk then sees their own unit's work only. */
@ExpoFlowTest
class UserAdministrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminAddsACityClerkWhoSignsInWithTheirOwnPassword() {
        ExpoFlowClient admin = ExpoFlowClient.as("http://localhost:" + port, "admin");
        Answer added = admin.post("/api/admin/users", map("username", "dalian-clerk", "password", "Xinghai-Square-2030",
                "role", "CITY", "unitId", "dalian", "displayName", "Dalian clerk"));
        assertThat(added.status().value()).isEqualTo(201);

        String hash = jdbc.queryForObject("select password_hash from expoflow_user where username = 'dalian-clerk'", String.class);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("Xinghai");
        assertThat(admin.get("/api/admin/users").body().toString()).contains("dalian-clerk").doesNotContain("bcrypt");

        assertThat(signIn("dalian-clerk", "Xinghai-Square-2030")).isEqualTo(200);
        assertThat(signIn("dalian-clerk", "Xinghai-Square-2031")).isEqualTo(401);

        assertThat(admin.put("/api/admin/users/dalian-clerk/password", map("password", "Bangchui-Island-2031"))
                .status().value()).isEqualTo(204);
        assertThat(signIn("dalian-clerk", "Xinghai-Square-2030")).as("the old password, even just used").isEqualTo(401);
        assertThat(signIn("dalian-clerk", "Bangchui-Island-2031")).isEqualTo(200);
    }

    private int signIn(String username, String password) {
        return RestClient.create("http://localhost:" + port).get().uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes()))
                .exchange((request, response) -> response.getStatusCode().value());
    }

    @Test
    void badUsersAreRefusedNamingTheField() {
        ExpoFlowClient admin = ExpoFlowClient.as("http://localhost:" + port, "admin");
        assertThat(admin.post("/api/admin/users", map("username", "x-clerk", "password", "Xinghai-Square-2030", "role", "CITY"))
                .field("field")).isEqualTo("unitId");
        assertThat(admin.post("/api/admin/users", map("username", "x-clerk", "password", "short", "role", "LEADER"))
                .field("field")).isEqualTo("password");
        assertThat(admin.post("/api/admin/users", map("username", "x-clerk", "password", "my-demo-password", "role", "LEADER"))
                .field("field")).isEqualTo("password");
        assertThat(admin.post("/api/admin/users", map("username", "X Clerk", "password", "Xinghai-Square-2030", "role", "LEADER"))
                .field("field")).isEqualTo("username");
        assertThat(admin.post("/api/admin/users", map("username", "leader", "password", "Xinghai-Square-2030", "role", "LEADER"))
                .status().value()).isEqualTo(409);
        assertThat(ExpoFlowClient.as("http://localhost:" + port, "coordinator").post("/api/admin/users",
                map("username", "y-clerk", "password", "Xinghai-Square-2030", "role", "LEADER")).status().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from expoflow_user where username in ('x-clerk', 'y-clerk')", Integer.class))
                .isZero();
    }
}
