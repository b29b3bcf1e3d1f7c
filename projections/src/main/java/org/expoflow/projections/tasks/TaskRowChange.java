package org.expoflow.projections.tasks;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns an event changes on a task's row, each with its new value, in the order given: each value made by its
 * column ({@link TaskColumn#to}, {@link TaskColumn#emptied}) and of its kind, a column changed once.
 */
record TaskRowChange(List<Value> values) {

    private static final TaskRowChange NONE = new TaskRowChange(List.of());

    /** A column's new value; null: the column is emptied. Text, a whole number or a UTC instant, as the column holds. */
    record Value(TaskColumn column, Object value) {

        Value {
            boolean fits = value == null || switch (column.kind()) {
                case TEXT -> value instanceof String;
                case INTEGER -> value instanceof Integer;
                case INSTANT -> value instanceof OffsetDateTime;
            };
            if (!fits) {
                throw new IllegalArgumentException(column.sqlName() + " holds " + column.kind().name().toLowerCase(Locale.ROOT)
                        + ", not " + value.getClass().getSimpleName() + " " + value);
            }
        }
    }

    TaskRowChange {
        values = List.copyOf(values);
        long changed = 0; // a bit per column's ordinal: there are fewer than 64
        for (Value value : values) {
            long bit = 1L << value.column().ordinal();
            if ((changed & bit) != 0) {
                throw new IllegalArgumentException(value.column().sqlName() + " is changed twice");
            }
            changed |= bit;
        }
    }

    /** No column changes: the event is a line of the task's history and a new version of the row as it is. */
    static TaskRowChange none() {
        return NONE;
    }

    static TaskRowChange of(Value... values) {
        return new TaskRowChange(List.of(values));
    }

    /** This change and one more column's. */
    TaskRowChange with(Value value) {
        List<Value> more = new ArrayList<>(values.size() + 1);
        more.addAll(values);
        more.add(value);
        return new TaskRowChange(more);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The columns changed, in the order given. */
    List<TaskColumn> columns() {
        return values.stream().map(Value::column).toList();
    }

    /** The new value of a column; null when it is emptied or not changed. */
    Object value(TaskColumn column) {
        for (Value value : values) {
            if (value.column() == column) {
                return value.value();
            }
        }
        return null;
    }

    boolean changesAny(Set<TaskColumn> columns) {
        for (Value value : values) {
            if (columns.contains(value.column())) {
                return true;
            }
        }
        return false;
    }
}
