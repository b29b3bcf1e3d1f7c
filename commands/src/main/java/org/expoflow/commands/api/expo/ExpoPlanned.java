package org.expoflow.commands.api.expo;

import java.time.LocalDate;

public record ExpoPlanned(String expoId, String name, String venue, LocalDate opensOn, LocalDate closesOn) {
}
