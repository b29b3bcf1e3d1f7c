package org.expoflow.commands.api.directive;

import org.expoflow.commands.api.OfDirective;

public record DirectiveWithdrawn(String directiveId, String expoId, String reason) implements OfDirective {
}
