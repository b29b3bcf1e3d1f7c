package org.expoflow.commands.api.task;

import java.util.Set;

/**
 * What a step's form asks of the unit: the figures it requires, whether at least one file must be attached, and
 * the figures the kind's version declares, which the unit may report on the step ({@code null}: a kind deployed
 * before kinds declared their figures).
 */
public record StepDemands(Set<String> requiredFigures, boolean attachmentRequired, Set<String> kindFigures) {

    /** A step that asks for nothing: no figure, no file. */
    public static final StepDemands NOTHING = new StepDemands(Set.of(), false, null);

    public StepDemands {
        requiredFigures = requiredFigures == null ? Set.of() : Set.copyOf(requiredFigures);
        kindFigures = kindFigures == null ? null : Set.copyOf(kindFigures);
    }
}
