package org.expoflow.workflow.engine;

import java.util.Set;

/**
 * Everything a directive kind's BPMN may name beyond its own variables: a model is data, never code.
 * <ul>
 * <li>as a delegate ({@code camunda:delegateExpression="${taskDueSoon}"}), only ExpoFlow's deadline
 * delegates ({@link DeadlineDelegates});</li>
 * <li>as a method, only a variable read on the execution or task ({@code ${execution.getVariable('x')}},
 * for a variable that may be absent);</li>
 * <li>as a function, only the engine's clock and current user ({@code now()}, {@code dateTime()},
 * {@code currentUser()}, {@code currentUserGroups()}).</li>
 * </ul>
 * Everything else an expression can do is reading variables, their entries, and comparing or combining
 * them. {@link KindModelCheck} refuses other names at deployment, {@link ModelExpressionManager}
 * resolves nothing else when an expression runs.
 */
public final class ModelVocabulary {

    public static final Set<String> DELEGATES =
            Set.of("taskDueSoon", "taskOverdue", "taskChasedUp", "chaseUpAcknowledged", "taskEscalated");

    public static final Set<String> VARIABLE_READS =
            Set.of("getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal");

    /** The names under which an expression reaches the variable scope it runs in. */
    public static final Set<String> VARIABLE_SCOPES = Set.of("execution", "task");

    public static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    private ModelVocabulary() {
    }
}
