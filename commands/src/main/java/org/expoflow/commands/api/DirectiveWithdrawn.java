package org.expoflow.commands.api;

public record DirectiveWithdrawn(String directiveId, String expoId, String reason) implements OfDirective {
}
