package org.expoflow.projections.api;

import java.time.LocalDate;
import java.util.List;

import org.expoflow.commands.api.expo.UnitKind;

public record ExpoSummary(String id, String name, String venue, LocalDate opensOn, LocalDate closesOn,
                          List<EnrolledUnit> units) {

    public record EnrolledUnit(String unitId, String name, UnitKind kind) {
    }
}
