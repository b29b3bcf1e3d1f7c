package org.expoflow.workflow.security.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.expoflow.workflow.security.Role;
import org.expoflow.workflow.security.provider.SignInGroups.Membership;
import org.expoflow.workflow.units.UnitRegister;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose cluster's Keycloak realm read through the mapping compose gives the nodes: each of its people is one
 * thing in ExpoFlow, every role has someone, and each unit the province's register names has its clerks' group and
 * is registered by {@code docker/register-units.sh}. (The cluster itself cannot run in a test; its files can be read.)
 */
class ComposeRealmTest {

    private static final Path DOCKER = Path.of("..", "docker");

    @Test
    @SuppressWarnings("unchecked")
    void everyoneInTheRealmIsOneThingHereAndEveryRoleAndUnitHasSomeone() throws IOException {
        Map<String, Object> compose;
        try (InputStream file = Files.newInputStream(DOCKER.resolve("compose.yaml"))) {
            compose = new Yaml().load(file);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> environment = (Map<String, Object>) services.get("expoflow-1").get("environment");
        assertThat(services.get("expoflow-2").get("environment")).isEqualTo(environment);

        List<String> registered = scriptUnits();
        assertThat(registered).as("the units register-units.sh registers, in the register's order").isEqualTo(provinceRegister());
        UnitRegister units = mock(UnitRegister.class);
        when(units.find(anyString())).thenReturn(Optional.empty());
        registered.forEach(unit -> when(units.find(unit)).thenReturn(Optional.of(new UnitRegister.RegisteredUnit(unit, unit, null))));
        SignInGroups mapping = new SignInGroups((String) environment.get("EXPOFLOW_SIGN_IN_GROUPS"),
                (String) environment.get("EXPOFLOW_SIGN_IN_UNIT_GROUP_PREFIX"), units);

        JsonNode realm = new ObjectMapper().readTree(DOCKER.resolve("keycloak/expoflow-realm.json").toFile());
        List<String> groups = realm.path("groups").findValuesAsText("name");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> clerksUnits = new ArrayList<>();
        for (JsonNode person : realm.path("users")) {
            List<String> theirs = new ArrayList<>();
            // the realm's groups mapper leaves the paths out: /unit-dalian is unit-dalian in the token
            person.path("groups").forEach(group -> theirs.add(group.asText().replaceFirst("^/", "")));
            assertThat(groups).as(person.path("username").asText()).containsAll(theirs);
            Membership membership = mapping.membershipOf(person.path("username").asText(), theirs);
            roles.add(membership.role());
            if (membership.unitId() != null) {
                clerksUnits.add(membership.unitId());
            }
        }
        assertThat(roles).containsExactlyInAnyOrder(Role.values());
        assertThat(clerksUnits).containsExactlyInAnyOrderElementsOf(registered);
    }

    private static List<String> scriptUnits() throws IOException {
        List<String> ids = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^([a-z][a-z0-9-]+)\\|[^|]+\\|[^|]+$").matcher(Files.readString(DOCKER.resolve("register-units.sh")));
        while (line.find()) {
            ids.add(line.group(1));
        }
        return ids;
    }

    private static List<String> provinceRegister() throws IOException {
        String migration;
        try (InputStream file = ComposeRealmTest.class.getResourceAsStream(
                "/db/migration/V32_37__units_in_the_provinces_register_order.sql")) {
            migration = new String(file.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> ids = new ArrayList<>();
        Matcher unit = Pattern.compile("\\('([a-z0-9-]+)', '[^']+', \\d+\\)").matcher(migration);
        while (unit.find()) {
            ids.add(unit.group(1));
        }
        return ids;
    }
}
