package org.expoflow.workflow.exports;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.expoflow.workflow.application.Refusals;
import org.expoflow.workflow.application.RequestRules;
import org.expoflow.workflow.security.ExpoFlowUser;
import org.expoflow.workflow.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Filters a user keeps to open a list again ("沈阳市 overdue", "my reviews this week"): a name, the list, its query
 * parameters. A filter is its owner's; shared with a role, every user of that role sees it too, and only the owner
 * removes it. A saved filter is a link, not a permission: opening it shows what the list shows that user.
 */
@Service
public class SavedFilters {

    /** The lists a filter can be saved for, with the parameters each takes and where it opens. */
    public enum SavedList {
        TASKS("/tasks", Set.of("expoId", "unitId", "status", "directiveId", "overdue", "sort", "filter", "mine", "q")),
        OVERDUE("/api/expos/{expoId}/overdue", Set.of("expoId", "sort", "asOf")),
        DUE_SOON("/api/expos/{expoId}/due-soon", Set.of("expoId", "sort", "asOf")),
        STATISTICS("/api/expos/{expoId}/statistics", Set.of("expoId", "asOf"));

        private final String path;
        private final Set<String> parameters;

        SavedList(String path, Set<String> parameters) {
            this.path = path;
            this.parameters = parameters;
        }

        public String open(Map<String, String> values) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            values.forEach((name, value) -> {
                if (!path.contains("{" + name + "}")) {
                    uri.queryParam(name, value);
                }
            });
            return uri.encode().buildAndExpand(values).toUriString();
        }
    }

    /** {@code sharedWith}: a role (COORDINATOR, LEADER, CITY, ADMIN) whose users all see the filter, or none. */
    public record SaveFilterRequest(@NotBlank @Size(max = 100) String name, @NotNull SavedList list,
                                    @NotNull Map<String, @Size(max = 300) String> parameters, String sharedWith) {
    }

    /** A saved filter as its users see it: {@code opens}, the list's address with the filter applied. */
    public record SavedFilter(String id, String name, SavedList list, Map<String, String> parameters, String owner,
                              String sharedWith, boolean mine, String opens) {
    }

    private static final TypeReference<LinkedHashMap<String, String>> PARAMETERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final RequestRules rules;
    private final Refusals refusals;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public SavedFilters(JdbcTemplate jdbc, RequestRules rules, Refusals refusals, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** Saves a filter for its owner; its id. A name the owner already gave a filter of that list is refused. */
    public String save(ExpoFlowUser user, SaveFilterRequest request) {
        rules.check(request);
        Map<String, String> parameters = new LinkedHashMap<>();
        request.parameters().forEach((name, value) -> {
            if (!request.list().parameters.contains(name)) {
                throw refusals.invalid("parameters." + name, "filterParameter", name,
                        request.list().parameters.stream().sorted().collect(Collectors.joining(", ")));
            }
            if (value != null && !value.isBlank()) {
                parameters.put(name, value.strip());
            }
        });
        if (request.list() != SavedList.TASKS && !parameters.containsKey("expoId")) {
            throw refusals.invalid("parameters.expoId", "filterNeedsExpo");
        }
        String sharedWith = sharedWith(request.sharedWith());
        String id = UUID.randomUUID().toString();
        try {
            jdbc.update("insert into saved_filter (id, owner, name, list, parameters, shared_with, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)", id, user.getUsername(), request.name().strip(),
                    request.list().name(), json.writeValueAsString(parameters), sharedWith, Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException named) {
            throw refusals.invalid("name", "filterNameTaken", request.name().strip());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** The user's own filters and those shared with its role, of one list or of all, by name. */
    public List<SavedFilter> visibleTo(ExpoFlowUser user, SavedList list) {
        return jdbc.query("select * from saved_filter where (owner = ? or shared_with = ?)"
                        + (list == null ? "" : " and list = ?") + " order by name",
                (rs, n) -> {
                    Map<String, String> parameters = parameters(rs.getString("parameters"));
                    SavedList of = SavedList.valueOf(rs.getString("list"));
                    return new SavedFilter(rs.getString("id"), rs.getString("name"), of, parameters, rs.getString("owner"),
                            rs.getString("shared_with"), rs.getString("owner").equals(user.getUsername()), of.open(parameters));
                },
                list == null ? new Object[] {user.getUsername(), user.role().name()}
                        : new Object[] {user.getUsername(), user.role().name(), list.name()});
    }

    /** Removes one of the user's own filters; another's, or none, is not found. */
    public void remove(ExpoFlowUser user, String filterId) {
        if (jdbc.update("delete from saved_filter where id = ? and owner = ?", filterId, user.getUsername()) == 0) {
            throw refusals.notFound("filterId", "noSuchFilter");
        }
    }

    private String sharedWith(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException notARole) {
            throw refusals.invalid("sharedWith", "filterRole", role);
        }
    }

    private Map<String, String> parameters(String stored) {
        try {
            return json.readValue(stored, PARAMETERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved filter's parameters are not JSON: " + stored, e);
        }
    }
}
