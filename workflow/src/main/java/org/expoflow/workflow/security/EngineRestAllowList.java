package org.expoflow.workflow.security;

import static org.expoflow.workflow.engine.EngineDoors.ENGINE_REST;
import static org.expoflow.workflow.engine.EngineDoors.WEBAPPS_ENGINE;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may use which operation of the engine's REST API, through either door that serves it:
 * {@code /engine-rest} (also under an engine name: {@code /engine-rest/engine/default/...}) and the
 * Camunda webapps' own copy, {@code /camunda/api/engine/engine/default/...}. Named per role; everything
 * else answers 403.
 * <ul>
 * <li>COORDINATOR reads what Cockpit shows (definitions, instances, tasks, history, incidents, jobs,
 * executions and variables, also through the engine's POST queries) and claims, unclaims and completes
 * tasks, which the task listener turns into the same events as our API; a completion carries only its
 * step's form ({@code StepFormOnlyDecisions}). Nothing else: a due date, assignee or candidate group
 * changed behind the engine's back would have no event, and a deleted instance would skip the
 * withdrawal's reason.</li>
 * <li>ADMIN reads everything the engine shows (Cockpit and Admin keep working for reading), deploys
 * directive kinds (as Camunda Modeler does; {@code KindModelCheck} holds them against the model's
 * allow-list) and runs or retries a failed job. It changes no step, variable, user or authorization.</li>
 * <li>CITY and LEADER: nothing; the engine's API sees every unit's tasks.</li>
 * </ul>
 * Users, groups, authorizations, variable writes, process-instance changes and deletions, messages and
 * signals are nobody's here: ExpoFlow's own API and its events are the way to each.
 */
public final class EngineRestAllowList implements AuthorizationManager<RequestAuthorizationContext> {


    private static final List<String> COCKPIT_READS = List.of("GET /engine", "GET /version", "GET /task/**",
            "GET /process-definition/**", "GET /process-instance/**", "GET /execution/**", "GET /variable-instance/**",
            "GET /history/**", "GET /incident/**", "GET /job/**", "GET /job-definition/**",
            // the engine's queries with a body, which Cockpit and Tasklist send: they read and change nothing
            "POST /process-instance", "POST /process-instance/count", "POST /task", "POST /task/count",
            "POST /execution", "POST /execution/count", "POST /variable-instance", "POST /variable-instance/count",
            "POST /job", "POST /job/count", "POST /history/{query:process-instance|activity-instance|task|variable-instance|detail|job-log}",
            "POST /history/{query:process-instance|activity-instance|task|variable-instance|detail|job-log}/count");

    private static final Map<Role, List<Operation>> ALLOWED = Map.of(
            Role.COORDINATOR, operations(COCKPIT_READS.stream(), Stream.of(
                    "POST /task/{id}/claim", "POST /task/{id}/unclaim", "POST /task/{id}/complete", "POST /task/{id}/submit-form")),
            Role.ADMIN, operations(COCKPIT_READS.stream(), Stream.of(
                    "GET /**", "POST /deployment/create", "POST /deployment/{id}/redeploy",
                    "POST /job/{id}/execute", "PUT /job/{id}/retries")));

    /** One operation of the engine's REST API, as its OpenAPI document names it: a method and a path template. */
    public record Operation(String method, PathPattern path) {
        boolean matches(String requestMethod, String operationPath) {
            return method.equalsIgnoreCase(requestMethod) && path.matches(PathContainer.parsePath(operationPath));
        }
    }

    private static List<Operation> operations(Stream<String> reads, Stream<String> writes) {
        return Stream.concat(reads, writes).map(operation -> operation.split(" ", 2))
                .map(parts -> new Operation(parts[0], PathPatternParser.defaultInstance.parse(parts[1]))).toList();
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(context.getRequest());
        Role role = authentication.get() != null && authentication.get().getPrincipal() instanceof ExpoFlowUser user
                ? user.role() : null;
        return new AuthorizationDecision(allows(role, context.getRequest().getMethod(), path));
    }

    /** Whether a user of this role may send this request; the path is the one within the application. */
    public static boolean allows(Role role, String method, String path) {
        String operation = operationOf(path);
        if (role == null || operation == null) {
            return false;
        }
        // the webapps are the administrators': their copy of the API is no door for anyone else
        if (path.startsWith(WEBAPPS_ENGINE + "/") && role != Role.ADMIN) {
            return false;
        }
        return ALLOWED.getOrDefault(role, List.of()).stream().anyMatch(allowed -> allowed.matches(method, operation));
    }

    /**
     * The operation a path within the application names, through either door and on a named engine or the
     * default ({@code /task/abc/complete}); {@code null} for a path outside both doors.
     */
    public static String operationOf(String path) {
        for (String door : List.of(ENGINE_REST, WEBAPPS_ENGINE)) {
            if (path.startsWith(door + "/")) {
                String operation = operationPath(path.substring(door.length()));
                // Cockpit lists the engines at /engine/, with the slash
                return operation.length() > 1 && operation.endsWith("/") ? operation.substring(0, operation.length() - 1) : operation;
            }
        }
        return null;
    }

    /** The operations allowed to a role, for the test that walks the engine's OpenAPI document. */
    public static List<Operation> allowedTo(Role role) {
        return ALLOWED.getOrDefault(role, List.of());
    }

    /** {@code /engine/default/task} and {@code /task} are one operation, on a named engine or the default. */
    static String operationPath(String pathWithinEngineRest) {
        if (pathWithinEngineRest.startsWith("/engine/")) {
            int nameEnd = pathWithinEngineRest.indexOf('/', "/engine/".length());
            return nameEnd < 0 ? pathWithinEngineRest : pathWithinEngineRest.substring(nameEnd);
        }
        return pathWithinEngineRest;
    }
}
