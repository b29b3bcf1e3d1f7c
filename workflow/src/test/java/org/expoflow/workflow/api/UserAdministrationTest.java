package org.expoflow.workflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.ExpoFlowClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/** ADMIN adds the people who sign in; a new city clerk then sees their own unit's work only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
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

        int status = RestClient.create("http://localhost:" + port).get().uri("/api/tasks")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("dalian-clerk:Xinghai-Square-2030".getBytes()))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(status).isEqualTo(200);
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
