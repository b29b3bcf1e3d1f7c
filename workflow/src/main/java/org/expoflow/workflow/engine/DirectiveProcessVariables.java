package org.expoflow.workflow.engine;

/**
 * The variables every directive process starts with, so that a model drawn anywhere can write
 * {@code camunda:candidateGroups="${unitId}"} and {@code camunda:dueDate="${dueAt}"}.
 */
public final class DirectiveProcessVariables {

    public static final String EXPO_ID = "expoId";
    public static final String DIRECTIVE_ID = "directiveId";
    public static final String UNIT_ID = "unitId";
    /** The units co-operating on the lead unit's steps (协办), comma-separated; absent when none. */
    public static final String COOPERATING_UNITS = "cooperatingUnits";
    /** The deadline, an ISO-8601 instant. */
    public static final String DUE_AT = "dueAt";
    /** Set when a review returns the unit's work; the next step of the unit consumes it. */
    static final String PENDING_REWORK_COMMENT = "pendingReworkComment";
    /** A review's own variable: the step it returned the work to, when not along the model's return flow. */
    static final String RETURNED_TO = "returnedTo";
    /** The delete reason of a unit's process ended because its directive was withdrawn (then the office's reason). */
    public static final String WITHDRAWN = "directive withdrawn";

    private DirectiveProcessVariables() {
    }

    /** The delete reason of a unit's process ended by its directive's withdrawal, carrying the office's reason. */
    public static String withdrawn(String reason) {
        return WITHDRAWN + ": " + reason;
    }

    /** The office's reason of a withdrawal in a delete reason ({@link #withdrawn}); null for another delete reason. */
    static String withdrawalReason(String deleteReason) {
        if (WITHDRAWN.equals(deleteReason)) {
            return deleteReason;
        }
        return deleteReason != null && deleteReason.startsWith(WITHDRAWN + ": ") ? deleteReason.substring(WITHDRAWN.length() + 2) : null;
    }

    /** One process per unit per directive: the business key names both. */
    public static String businessKey(String directiveId, String unitId) {
        return directiveId + ":" + unitId;
    }
}
