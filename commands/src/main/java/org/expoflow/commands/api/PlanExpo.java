package org.expoflow.commands.api;

import java.time.LocalDate;

/** A coordinator plans an expo to prepare for. */
public record PlanExpo(Actor actor, String expoId, String name, String venue, LocalDate opensOn, LocalDate closesOn) {
}
