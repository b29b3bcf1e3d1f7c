package org.expoflow.workflow.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.expoflow.workflow.scenario.ExpoFlowClient.map;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.expoflow.commands.api.Actor;
import org.expoflow.commands.api.DomainRuleViolation;
import org.expoflow.commands.api.task.ReportProgress;
import org.expoflow.workflow.ExpoFlowTest;
import org.expoflow.workflow.engine.ActingContext;
import org.expoflow.workflow.scenario.ExpoFlowClient;
import org.expoflow.workflow.scenario.OsakaFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Prometheus reads from a node, and the files that run the cluster and its dashboard: a coordinator's
 * directive and a city's completed step show in the counters and in the city's step gauges, a refused
 * command in the refusals; the compose file runs two nodes on one PostgreSQL behind a load balancer,
 * scraped with the token; and every query of the dashboard names only metrics a running node exports.
 */
@ExpoFlowTest
class ObservabilityTest {

    private static final Path DOCKER = Path.of("..", "docker");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "increase",
            "histogram_quantile", "by", "without", "on", "ignoring", "and", "or", "unless", "offset", "le");
    /** Series Prometheus makes itself, not a node. */
    private static final Set<String> FROM_PROMETHEUS = Set.of("up");

    @LocalServerPort
    int port;

    @Autowired
    ExpoGauges gauges;

    @Autowired
    ActingContext acting;

    ExpoFlowClient as(String user) {
        return ExpoFlowClient.as("http://localhost:" + port, user);
    }

    @Test
    void aDirectiveACompletedStepAndARefusalShowInTheCountersAndTheCitysGauges() throws Exception {
        Map<String, Double> before = scrape();
        ExpoFlowClient coordinator = as("coordinator");
        String expoId = OsakaFixture.osakaWith(coordinator, "shenyang", "dalian");
        String directiveId = OsakaFixture.inviteBuyers(coordinator, expoId, "shenyang", "dalian");
        ExpoFlowClient shenyang = as("shenyang");
        String task = OsakaFixture.firstActiveTask(shenyang, directiveId);
        assertThat(shenyang.post("/api/tasks/{t}/complete", map(), task).status().value()).isEqualTo(204);
        assertThatThrownBy(() -> acting.send(new ReportProgress(task, new Actor("shenyang-clerk", Set.of("shenyang")), 50,
                null, null, null, Map.of()))).isInstanceOf(DomainRuleViolation.class);
        gauges.refresh();

        Map<String, Double> after = scrape();
        assertThat(increase(before, after, "expoflow_directives_issued_total{kind=\"invite-buyers\",}")).isEqualTo(1);
        assertThat(increase(before, after, "expoflow_steps_completed_total{unit=\"shenyang\",}")).isEqualTo(1);
        assertThat(increase(before, after, "expoflow_steps_assigned_total{unit=\"dalian\",}"))
                .as("Dalian's first step").isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "expoflow_command_refusals_total{command=\"ReportProgress\",reason=\"CONFLICT\",}"))
                .as("progress on a completed step is refused").isEqualTo(1);
        assertThat(increase(before, after, "commandBus_allTimer_seconds_count{payloadType=\"CompleteTask\",}"))
                .as("the completion's command timed, for the dashboard's command latency").isEqualTo(1);
        assertThat(increase(before, after, "commandBus_allTimer_seconds_count{payloadType=\"ReportProgress\",}"))
                .as("a refused command timed too").isEqualTo(1);
        assertThat(after.get("expoflow_unit_steps{name=\"沈阳市 Shenyang\",state=\"done\",unit=\"shenyang\",}"))
                .as("by the unit's name, for the dashboard's readers").isGreaterThanOrEqualTo(1);
        assertThat(after.get("expoflow_unit_steps{name=\"大连市 Dalian\",state=\"open\",unit=\"dalian\",}")).isGreaterThanOrEqualTo(1);
        assertThat(after).containsKeys("expoflow_engine_jobs{state=\"due\",}", "expoflow_engine_jobs{state=\"waiting\",}",
                "expoflow_read_models_lag_events{processor=\"read-models\",}");
        assertThat(after.get("expoflow_read_models_lag_seconds{processor=\"read-models\",}")).as("complete, not rebuilding").isZero();
    }

    @Test
    void everyQueryOfTheDashboardNamesMetricsARunningNodeExports() throws Exception {
        gauges.refresh();
        Set<String> exported = new TreeSet<>();
        scrape().keySet().forEach(series -> exported.add(series.replaceAll("\\{.*", "")));
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/expoflow.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        for (String expression : expressions) {
            assertThat(metricNames(expression)).as(expression).isNotEmpty().allSatisfy(name -> assertThat(
                    FROM_PROMETHEUS.contains(name) || exported.contains(name)).as("%s in %s", name, expression).isTrue());
        }
        assertThat(dashboard.path("panels").findValuesAsText("title"))
                .anySatisfy(title -> assertThat(title).contains("各市已完成与已到期任务", "Steps done against due, per city"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComposeFileRunsTwoNodesOnOnePostgresBehindALoadBalancerScrapedWithTheToken() throws IOException {
        Map<String, Object> compose;
        try (InputStream file = Files.newInputStream(DOCKER.resolve("compose.yaml"))) {
            compose = new Yaml().load(file);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "expoflow-1", "expoflow-2", "load-balancer", "prometheus", "grafana");
        for (String node : List.of("expoflow-1", "expoflow-2")) {
            Map<String, Object> environment = (Map<String, Object>) services.get(node).get("environment");
            assertThat(environment.get("SPRING_DATASOURCE_URL")).as(node).isEqualTo("jdbc:postgresql://postgres:5432/expoflow");
            assertThat(environment).as(node).containsKeys("EXPOFLOW_METRICS_SCRAPE_TOKEN", "LOGGING_STRUCTURED_FORMAT_CONSOLE");
            assertThat(services.get(node)).as(node).containsKey("healthcheck");
        }
        assertThat((String) services.get("load-balancer").get("image")).startsWith("nginx:");
        assertThat((String) services.get("prometheus").get("image")).startsWith("prom/prometheus:");
        assertThat((String) services.get("grafana").get("image")).startsWith("grafana/grafana:");
        assertThat(services.get("load-balancer").get("ports").toString()).contains("8080:80");

        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        assertThat(nginx).contains("server expoflow-1:8080", "server expoflow-2:8080", "proxy_pass http://expoflow");

        Map<String, Object> prometheus;
        try (InputStream file = Files.newInputStream(DOCKER.resolve("prometheus.yml"))) {
            prometheus = new Yaml().load(file);
        }
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets").toString())
                .contains("expoflow-1:8080", "expoflow-2:8080");
        String tokenFile = (String) ((Map<String, Object>) job.get("authorization")).get("credentials_file");
        List<Map<String, Object>> secrets = (List<Map<String, Object>>) services.get("prometheus").get("secrets");
        assertThat(secrets).extracting(secret -> secret.get("target")).as("the token is where the scrape reads it").contains(tokenFile);

        for (String mounted : List.of("./prometheus.yml", "./nginx.conf", "./grafana/provisioning", "./grafana/dashboards")) {
            assertThat(Files.exists(DOCKER.resolve(mounted))).as(mounted).isTrue();
        }
        assertThat(Files.readString(DOCKER.resolve("grafana/provisioning/dashboards/expoflow.yaml")))
                .contains("path: /var/lib/grafana/dashboards");
        assertThat(services.get("grafana").get("volumes").toString()).contains("./grafana/dashboards:/var/lib/grafana/dashboards");
    }

    /** The metric names of a PromQL expression: its identifiers less functions, keywords, labels and strings. */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?").matcher(bare);
        while (identifier.find()) {
            String word = identifier.group().replaceAll("\\s*\\($", "");
            boolean function = identifier.group().endsWith("(");
            if (!function && !PROMQL_WORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    private Map<String, Double> scrape() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> series = new java.util.HashMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space).replace("}", ",}").replace(",,}", ",}"), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return series;
    }

    private static double increase(Map<String, Double> before, Map<String, Double> after, String series) {
        assertThat(after).as("exported: " + series).containsKey(series);
        return after.get(series) - before.getOrDefault(series, 0.0);
    }
}
