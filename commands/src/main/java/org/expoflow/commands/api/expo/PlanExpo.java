package org.expoflow.commands.api.expo;

import java.time.LocalDate;
import org.expoflow.commands.api.Actor;

/** A coordinator plans an expo to prepare for. */
public record PlanExpo(Actor actor, String expoId, String name, String venue, LocalDate opensOn, LocalDate closesOn) {
}
