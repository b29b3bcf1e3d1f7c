package org.expoflow.workflow.engine;

import static org.expoflow.commands.storage.StoredMessageNames.storedName;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.expoflow.commands.api.task.TaskAssigned;
import org.expoflow.commands.api.task.TaskCancelled;
import org.expoflow.commands.api.task.TaskCompleted;
import org.expoflow.projections.tasks.UnitTallyCheck;
import org.expoflow.projections.tasks.UnitTallyDifference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares the three records of which tasks are open: the engine's runtime tasks, the event store
 * (assigned and neither completed nor cancelled) and the task-list projection, and lists every task on
 * which they disagree, including who holds it; and each unit's kept tally of completed steps, which the
 * statistics add up, against its task rows. A rebuild of the read models mends a projection that drifted.
 */
@Component
public class ConsistencyCheck {

    /** One task on which the records disagree; a null side does not have the task open. */
    public record Difference(String taskId, String engine, String eventStore, String projection) {
    }

    public record Report(boolean consistent, int engineOpenTasks, int eventStoreOpenTasks, int projectionOpenTasks,
                         List<Difference> differences, List<UnitTallyDifference> tallyDifferences) {
    }

    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final UnitTallyCheck tallies;

    public ConsistencyCheck(TaskService taskService, JdbcTemplate jdbc, UnitTallyCheck tallies) {
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.tallies = tallies;
    }

    public Report run() {
        Map<String, String> engine = new HashMap<>();
        for (Task task : taskService.createTaskQuery().list()) {
            engine.put(task.getId(), holder(task.getAssignee()));
        }
        Map<String, String> eventStore = new HashMap<>();
        // one pass over the task lifecycle events: assigned and never completed nor cancelled
        jdbc.query("select aggregate_identifier from domain_event_entry where payload_type in (?, ?, ?)"
                        + " group by aggregate_identifier"
                        + " having sum(case when payload_type = ? then 1 else 0 end) > 0"
                        + " and sum(case when payload_type = ? then 0 else 1 end) = 0",
                rs -> { eventStore.put(rs.getString(1), null); },
                storedName(TaskAssigned.class), storedName(TaskCompleted.class), storedName(TaskCancelled.class),
                storedName(TaskAssigned.class), storedName(TaskAssigned.class));
        Map<String, String> projection = new HashMap<>();
        jdbc.query("select task_id, assignee from task_view where status in ('OPEN', 'CLAIMED')",
                rs -> { projection.put(rs.getString("task_id"), holder(rs.getString("assignee"))); });

        TreeSet<String> taskIds = new TreeSet<>(engine.keySet());
        taskIds.addAll(eventStore.keySet());
        taskIds.addAll(projection.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String taskId : taskIds) {
            String inEngine = engine.containsKey(taskId) ? engine.get(taskId) : null;
            String inEvents = eventStore.containsKey(taskId) ? "open" : null;
            String inProjection = projection.containsKey(taskId) ? projection.get(taskId) : null;
            boolean openEverywhere = inEngine != null && inEvents != null && inProjection != null;
            boolean sameHolder = openEverywhere && Objects.equals(inEngine, inProjection);
            if (!(openEverywhere && sameHolder)) {
                differences.add(new Difference(taskId, inEngine, inEvents, inProjection));
            }
        }
        List<UnitTallyDifference> tallyDifferences = tallies.differences();
        return new Report(differences.isEmpty() && tallyDifferences.isEmpty(), engine.size(), eventStore.size(), projection.size(),
                differences, tallyDifferences);
    }

    private static String holder(String assignee) {
        return assignee == null ? "open, unclaimed" : "open, claimed by " + assignee;
    }
}
