package org.expoflow.commands.api;

/**
 * An event about one directive or one of its unit steps. What happens to a directive happens in order
 * (issued, then its steps assigned, reported, completed), and whoever reads the events in parallel keeps
 * that order by keeping one directive's events together.
 */
public interface OfDirective {

    String directiveId();
}
