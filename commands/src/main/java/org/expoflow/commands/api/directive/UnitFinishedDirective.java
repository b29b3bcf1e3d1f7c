package org.expoflow.commands.api.directive;

import org.expoflow.commands.api.OfDirective;

public record UnitFinishedDirective(String directiveId, String expoId, String unitId) implements OfDirective {
}
