package org.expoflow.projections.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.expoflow.commands.api.OfDirective;

/**
 * Which events a read-model processor with several segments must handle in store order: all of one
 * directive's (its issue, then every step's assignment, reports and completion: the figures learn a step's
 * unit and expo from the directive), and all of one aggregate's otherwise (an expo's enrolments, a
 * meeting's reports). Events of two directives may be projected at once, by two segments on two nodes.
 */
public final class ReadModelOrder implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof OfDirective ofDirective) {
            return ofDirective.directiveId();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
