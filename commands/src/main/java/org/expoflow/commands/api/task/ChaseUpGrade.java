package org.expoflow.commands.api.task;

/**
 * How hard the expo office chases a unit up on an overdue step, as the province's 督查督办 systems grade it:
 * {@link #URGE} (催办) is a reminder, a message with no reply due; {@link #SUPERVISE} (督办) is a formal chase-up
 * the unit must reply to by a date; {@link #NOTIFY} (通报) is a formal chase-up with a reply due too, and the unit
 * is named in the next coordination meeting's brief. A chase-up recorded before grades were kept was a 督办.
 */
public enum ChaseUpGrade {
    URGE, SUPERVISE, NOTIFY;

    /** The grade of a chase-up that names none: a 督办, as every chase-up was before grades. */
    public static final ChaseUpGrade DEFAULT = SUPERVISE;

    /** Whether the unit must reply to it (回复督办). */
    public boolean requiresReply() {
        return this != URGE;
    }
}
